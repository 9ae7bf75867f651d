//go:build !desktop

package app

// WebView names what draws the desktop window in this build: none here,
// the browser-mode build (no window; `acedesk serve`).
const WebView = "none (browser-mode build: acedesk serve)"
