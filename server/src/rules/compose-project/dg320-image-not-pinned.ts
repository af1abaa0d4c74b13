import { defineRule } from '../../engine/rule';
import { UNKNOWN } from '../../formats/compose/interpolation';
import { setting, textOf } from '../../model/compose/values';
import { reportPerPlace, type PlaceHit } from './report';

/** An image by a moving name runs whatever the registry serves today. */
export default defineRule({
  meta: {
    id: 'DG320',
    name: 'image-not-pinned',
    description: 'A service\'s image has no tag, the `latest` tag, or no digest.',
    severity: 'info',
    level: 'L1',
    cis: { 'v1.6.0': '5.28', 'v1.5.0': '5.27' },
    kinds: ['compose'],
    reads: 'compose-project',
    messages: {
      untagged: 'Image "{{image}}" has no tag, so it is "latest": each pull can bring a different image; pin a version and a digest ("name:1.2@sha256:…") (CIS 5.28).',
      latest: 'Image "{{image}}" uses the "latest" tag: each pull can bring a different image; pin a version and a digest (CIS 5.28).',
      noDigest: 'Image "{{image}}" is pinned by tag only: a tag can be moved to another image; add its digest ("@sha256:…") to run exactly what was reviewed (CIS 5.28).',
    },
  },
  check(context, { services }) {
    const hits: PlaceHit[] = [];
    for (const service of services) {
      // With `build`, `image` names the image built here, not one pulled.
      if (setting(service, 'build')) continue;
      const image = setting(service, 'image');
      const reference = textOf(image?.value);
      if (!image || reference === undefined || reference.includes('@')) continue;
      const name = reference.slice(reference.lastIndexOf('/') + 1);
      const colon = name.indexOf(':');
      const tag = colon < 0 ? undefined : name.slice(colon + 1);
      if ((tag ?? name).includes(UNKNOWN)) continue; // an interpolated tag may hold the digest
      const messageId = tag === undefined ? 'untagged' : tag === 'latest' ? 'latest' : 'noDigest';
      hits.push({ service, file: image.value.file, span: image.value.span, messageId, data: { image: String(image.value.type === 'scalar' ? image.value.value : reference) } });
    }
    reportPerPlace(context, hits);
  },
});
