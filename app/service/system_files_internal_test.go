package service

import (
	"slices"
	"testing"
)

func TestViewerCommandPerSystem(t *testing.T) {
	const path = `/home/lead/奖杯 清单.pdf`
	for _, tc := range []struct {
		goos, name string
		args       []string
	}{
		{"linux", "xdg-open", []string{path}},
		{"freebsd", "xdg-open", []string{path}},
		{"windows", "rundll32", []string{"url.dll,FileProtocolHandler", path}},
		{"darwin", "open", []string{path}},
	} {
		name, args := viewerCommand(tc.goos, path)
		if name != tc.name || !slices.Equal(args, tc.args) {
			t.Errorf("%s: %s %q, want %s %q", tc.goos, name, args, tc.name, tc.args)
		}
	}
}
