//go:build desktop && windows

package app

// WebView names what draws the desktop window in this build.
const WebView = "WebView2 (Microsoft Edge WebView2 Runtime)"
