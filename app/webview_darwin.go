//go:build desktop && darwin

package app

// WebView names what draws the desktop window in this build.
const WebView = "WKWebView"
