/**
 * What SARIF says about a rule beyond its metadata, from the rule's doc page (embedded at build
 * time): `fullDescription` (the page's "What it does", first paragraph), `help` (the page, as text
 * and markdown) and `security-severity`, the score GitHub code scanning ranks alerts by.
 */
import type { CisLevel } from '../../engine/rule';
import type { Severity } from '../../engine/types';
import pages from '../../schema/generated/rule-docs.json';

const DOCS = pages as Record<string, string>;

/**
 * GitHub's bands: 9.0+ critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. The default severity
 * picks the band (an error is high, a warning medium, an info low) and a CIS Level 1 item, which
 * the benchmark scores as a baseline every host must meet, raises it by one point; Level 2 items and
 * rules outside the benchmark keep the band's base. So DG101 (error, L1) is 8.5, DG103 (warning,
 * L1) 6.5, DG110 (info, L2) 2.5, DG001 (error, no level) 7.5.
 */
export function securitySeverity(severity: Severity, level: CisLevel | undefined): string {
  const base = { error: 7.5, warning: 5.5, info: 2.5 }[severity];
  return (base + (level === 'L1' ? 1 : 0)).toFixed(1);
}

export interface RuleHelp {
  fullDescription: string;
  text: string;
  markdown: string;
}

/** The help of a rule from its page; `fallback` (the one-line description) where there is none. */
export function ruleHelp(id: string, fallback: string): RuleHelp {
  const page = DOCS[id];
  if (!page) return { fullDescription: sentence(fallback), text: sentence(fallback), markdown: fallback };
  const body = page.replace(/^# .*\n+/, '').replace(/^\*\*Severity:\*\*.*\n+/m, '');
  const what = section(body, 'What it does');
  const first = what.split(/\n\s*\n/)[0] ?? fallback;
  return { fullDescription: sentence(plain(first || fallback).replace(/\s*\n\s*/g, ' ')), text: plain(body).trim(), markdown: body.trim() };
}

function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  if (start < 0) return '';
  const rest = markdown.slice(start + title.length + 4);
  const end = rest.search(/^## /m);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/** Markdown as plain text: code spans and emphasis unwrapped, links as their text. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1');
}

/** SARIF's rule SARIF2001 wants descriptions and messages to end with a period. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
