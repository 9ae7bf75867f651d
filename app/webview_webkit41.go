//go:build desktop && linux && webkit2_41

package app

// WebView names what draws the desktop window in this build: Wails'
// webkit2_41 tag links WebKitGTK 4.1 (Ubuntu 24.04, Debian 13).
const WebView = "WebKitGTK 4.1 (libwebkit2gtk-4.1)"
