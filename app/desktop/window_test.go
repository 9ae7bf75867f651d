//go:build desktop

package desktop

import (
	"testing"

	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

// A non-nil linux.Options left at its zero value turns WebKitGTK's hardware
// acceleration on (WebviewGpuPolicyAlways), unlike no options at all.
func TestTheWindowPaintsWithoutGL(t *testing.T) {
	o := linuxOptions([]byte("icon"))
	if got, want := o.WebviewGpuPolicy, linux.WebviewGpuPolicyNever; got != want {
		t.Errorf("WebviewGpuPolicy = %d, want %d (never)", got, want)
	}
	if got, want := o.ProgramName, "acedesk"; got != want {
		t.Errorf("ProgramName = %q, want %q", got, want)
	}
}
