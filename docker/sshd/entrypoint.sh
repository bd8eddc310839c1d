#!/bin/sh
set -eu
: "${PASSWORD:?PASSWORD must name the root password Testcontainers logs in with}"
echo "root:$PASSWORD" | chpasswd
# Testcontainers' SSH client is an older library: offer the algorithms it speaks as well.
exec /usr/sbin/sshd -D -e -o PermitRootLogin=yes -o PasswordAuthentication=yes -o AddressFamily=inet \
	-o GatewayPorts=yes -o AllowTcpForwarding=yes -o AllowAgentForwarding=yes \
	-o KexAlgorithms=+diffie-hellman-group1-sha1,diffie-hellman-group14-sha1 \
	-o HostKeyAlgorithms=+ssh-rsa -o PubkeyAcceptedAlgorithms=+ssh-rsa
