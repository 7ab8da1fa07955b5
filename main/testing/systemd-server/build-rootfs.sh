#!/usr/bin/env bash
# Builds one Ubuntu root filesystem for the systemd-server fixture and writes it as
# `tar | zstd` to OUT (RECIPES.md section 9). Run as root. Nothing here boots it.
#   build-rootfs.sh 24.04|26.04 OUT.tar.zst
# Trust chain: the pinned archive key fingerprint -> dists/<suite>/InRelease (gpgv)
# -> Packages.gz (SHA256 listed in InRelease) -> ubuntu-keyring .deb (SHA256 listed in
# Packages.gz) -> the keyring debootstrap verifies the archive with.
# The machine gets no SSH keys here: the fixture bind-mounts fresh host keys and an
# authorized key for `ubuntu` at every boot.
set -euo pipefail
readonly ARCHIVE_KEY=F6ECB3762474EDA9D21B7022871920D1991BC93C
readonly INCLUDE=systemd,systemd-sysv,dbus,openssh-server,sudo,nginx,python3,ca-certificates,curl,iproute2

release=${1:?usage: build-rootfs.sh 24.04|26.04 OUT.tar.zst}
out=${2:?usage: build-rootfs.sh 24.04|26.04 OUT.tar.zst}
case $release in
  24.04) suite=noble ;;
  26.04) suite=resolute ;;
  *) echo "unknown release $release (24.04 or 26.04)" >&2; exit 2 ;;
esac
[[ $(id -u) == 0 ]] || { echo "build-rootfs.sh must run as root (debootstrap)" >&2; exit 1; }

# The configured Debian mirror also serves the Ubuntu archive at <host>/ubuntu.
mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
ubuntu=${mirror%/debian}/ubuntu

out=$(realpath -m "$out")
mkdir -p "$(dirname "$out")"
work=$(mktemp -d "$(dirname "$out")/build-$release.XXXXXX") # never under /tmp
cleanup() {
  # debootstrap mounts /proc and /sys inside; never follow a mount while deleting.
  grep -o " $work/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done || true
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM # (so the EXIT trap cleans up after a signal too)
cd "$work"

echo "[$release] verifying the archive ($ubuntu, $suite)"
curl -fsSo InRelease "$ubuntu/dists/$suite/InRelease"
curl -fsSo Packages.gz "$ubuntu/dists/$suite/main/binary-amd64/Packages.gz"
stanza=$(zcat Packages.gz | awk 'BEGIN{RS=""} /^Package: ubuntu-keyring\n/')
curl -fsSo keyring.deb "$ubuntu/$(awk '/^Filename:/{print $2}' <<<"$stanza")"
echo "$(awk '/^SHA256:/{print $2}' <<<"$stanza")  keyring.deb" | sha256sum --quiet -c -
dpkg-deb -x keyring.deb keyring
keyring=$work/keyring/usr/share/keyrings/ubuntu-archive-keyring.gpg
gpgv --status-fd 1 --keyring "$keyring" InRelease >gpgv.status 2>/dev/null
grep -q "^\[GNUPG:\] VALIDSIG .*$ARCHIVE_KEY" gpgv.status || { echo "InRelease is not signed by $ARCHIVE_KEY" >&2; exit 1; }
# Packages.gz (which named the keyring) must be the one the signed InRelease lists.
listed=$(gpgv --output - --keyring "$keyring" InRelease 2>/dev/null |
  awk '/^SHA256:/{s=1; next} /^[A-Za-z]/{s=0} s && $3=="main/binary-amd64/Packages.gz"{print $1}')
echo "$listed  Packages.gz" | sha256sum --quiet -c -

echo "[$release] debootstrap $suite (minbase + $INCLUDE)"
rootfs=$work/rootfs
# bookworm's debootstrap knows neither noble nor resolute; the gutsy script builds both.
debootstrap --variant=minbase --keyring="$keyring" --include="$INCLUDE" \
  "$suite" "$rootfs" "$ubuntu" /usr/share/debootstrap/scripts/gutsy >debootstrap.log 2>&1 ||
  { tail -n 30 debootstrap.log >&2; exit 1; }

echo "[$release] configuring"
rm -f "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/etc/apt/sources.list "$rootfs"/etc/ssh/ssh_host_*
printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates %s-security\nComponents: main restricted universe multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n' \
  "$ubuntu" "$suite" "$suite" "$suite" >"$rootfs/etc/apt/sources.list.d/ubuntu.sources"
host=ubuntu-${release/./}
echo "$host" >"$rootfs/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' "$host" >"$rootfs/etc/hosts"
chroot "$rootfs" useradd -m -s /bin/bash -G sudo ubuntu
# Key-only login: the fixture bind-mounts authorized_keys here at boot.
install -d -m 700 "$rootfs/home/ubuntu/.ssh" && touch "$rootfs/home/ubuntu/.ssh/authorized_keys"
chroot "$rootfs" chown -R ubuntu:ubuntu /home/ubuntu/.ssh
echo 'ubuntu ALL=(ALL) NOPASSWD:ALL' >"$rootfs/etc/sudoers.d/90-ubuntu" && chmod 440 "$rootfs/etc/sudoers.d/90-ubuntu"
printf 'PasswordAuthentication no\nKbdInteractiveAuthentication no\nHostKey /etc/ssh/ssh_host_ed25519_key\n' >"$rootfs/etc/ssh/sshd_config.d/50-onramp-test.conf"
touch "$rootfs/etc/ssh/ssh_host_ed25519_key" "$rootfs/etc/ssh/ssh_host_ed25519_key.pub" # bind-mount targets
touch "$rootfs/etc/apt/apt.conf.d/01proxy"                                               # bind-mount target
# A container has no console getty to wait for.
chroot "$rootfs" systemctl mask -q console-getty.service getty@tty1.service 2>/dev/null || true

echo "[$release] packing ($(du -sh --one-file-system "$rootfs" | cut -f1))"
tar -C "$rootfs" --one-file-system --numeric-owner --xattrs -cf - . | zstd -q -f -3 -T0 -o "$out.partial"
mv "$out.partial" "$out"
