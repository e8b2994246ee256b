#!/bin/sh
# Install the one-folder bundle (dist/kenshu-desk, from packaging/build.py) for the current user,
# with its menu entry and icons; or remove it again. The user's data (~/.local/share/kenshu-desk)
# is never touched.
#
#   packaging/linux/install.sh [BUNDLE_DIR]     install (default: dist/kenshu-desk)
#   packaging/linux/install.sh --uninstall      remove
#
# PREFIX (default ~/.local) chooses where: PREFIX/lib/kenshu-desk, PREFIX/bin/kenshu-desk,
# PREFIX/share/applications, PREFIX/share/icons/hicolor.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
prefix=${PREFIX:-$HOME/.local}
app_dir=$prefix/lib/kenshu-desk
bin_link=$prefix/bin/kenshu-desk
desktop_file=$prefix/share/applications/kenshu-desk.desktop
icons=$prefix/share/icons/hicolor

refresh_caches() {
    # Menus pick the entry up without these on most desktops; they only speed it up.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app_dir"
    rm -f "$bin_link" "$desktop_file" "$icons/scalable/apps/kenshu-desk.svg"
    for size in 48 128 256; do
        rm -f "$icons/${size}x${size}/apps/kenshu-desk.png"
    done
    refresh_caches
    echo "kenshu-desk removed from $prefix (your data is kept)"
    exit 0
fi

bundle=${1:-$root/dist/kenshu-desk}
if [ ! -x "$bundle/kenshu-desk" ]; then
    echo "install.sh: $bundle/kenshu-desk not found: run python packaging/build.py first" >&2
    exit 1
fi

# Copy to a new folder, then swap: a failed copy leaves the installed version as it was.
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications"
rm -rf "$app_dir.new"
cp -a "$bundle" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
ln -sfn "$app_dir/kenshu-desk" "$bin_link"

# The menu entry names the program by its full path: ~/.local/bin is not on every desktop's PATH.
sed -e "s|^Exec=kenshu-desk\$|Exec=$app_dir/kenshu-desk|" \
    -e "s|^TryExec=kenshu-desk\$|TryExec=$app_dir/kenshu-desk|" \
    "$here/kenshu-desk.desktop" > "$desktop_file"

mkdir -p "$icons/scalable/apps"
cp "$root/resources/icons/kenshu-desk.svg" "$icons/scalable/apps/kenshu-desk.svg"
for size in 48 128 256; do
    mkdir -p "$icons/${size}x${size}/apps"
    cp "$root/resources/icons/kenshu-desk-$size.png" "$icons/${size}x${size}/apps/kenshu-desk.png"
done
refresh_caches
echo "kenshu-desk installed in $app_dir; menu entry $desktop_file"
