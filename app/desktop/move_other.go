//go:build (desktop || bindings) && !linux

package desktop

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// moveWindow sizes and places the window through Wails: on Windows these are
// Win32 calls that any thread may make, on macOS Wails hands them to the
// main thread.
func moveWindow(ctx context.Context, p Place, center bool) {
	runtime.WindowSetSize(ctx, p.Width, p.Height)
	if center {
		runtime.WindowCenter(ctx)
	} else {
		runtime.WindowSetPosition(ctx, p.X, p.Y)
	}
}
