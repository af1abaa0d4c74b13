#!/bin/sh
# dockguard host remediation for <root>: review every line before running it as root.
set -eu

# DG508 daemon-json-permissions (CIS 3.17/3.18): etc/docker/daemon.json:1
chown root:root <root>/etc/docker/daemon.json

# DG506 tls-file-permissions (CIS 3.9–3.14): etc/docker/daemon.json:4
chmod u-wxs,go-x <root>/etc/docker/cert.pem

# DG506 tls-file-permissions (CIS 3.9–3.14): etc/docker/daemon.json:5
chown root:root <root>/etc/docker/key.pem && chmod u-w <root>/etc/docker/key.pem

# DG503 unit-file-permissions (CIS 3.1–3.4): lib/systemd/system/docker.service:1
chown root:root <root>/lib/systemd/system/docker.service && chmod g-w <root>/lib/systemd/system/docker.service

# DG509 env-file-permissions (CIS 3.19–3.22): etc/default/docker:1
chmod go-w <root>/etc/default/docker

# DG504 etc-docker-permissions (CIS 3.5/3.6): etc/docker:1
chmod go-w <root>/etc/docker

# DG510 containerd-socket-permissions (CIS 3.23/3.24): run/containerd/containerd.sock:1
# to do by hand: Set uid = 0 and gid = 0 in the [grpc] section of /etc/containerd/config.toml, then systemctl restart containerd

# DG507 docker-socket-permissions (CIS 3.15/3.16): run/docker.sock:1
# to do by hand: Set SocketMode=0660, SocketUser=root and SocketGroup=docker in docker.socket (systemctl edit docker.socket), then systemctl restart docker.socket

# DG505 registry-cert-permissions (CIS 3.7/3.8): etc/docker/certs.d/registry.example:5000/ca.crt:1
chmod u-w <root>/etc/docker/certs.d/registry.example:5000/ca.crt
