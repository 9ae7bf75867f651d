//go:build desktop && linux && !webkit2_41

package app

// WebView names what draws the desktop window in this build.
const WebView = "WebKitGTK 4.0 (libwebkit2gtk-4.0)"
