//go:build !desktop && !bindings

package desktop

import (
	"reflect"
	"testing"
)

func TestTheBrowserModeBuildServesWithNoCommand(t *testing.T) {
	for _, c := range []struct {
		goos string
		args []string
		want []string
	}{
		{"linux", nil, []string{"serve"}},
		{"windows", []string{"--db", "x.db"}, []string{"serve", "--db", "x.db"}},
		{"darwin", nil, []string{"serve", "--open"}},
		{"darwin", []string{"--listen", "127.0.0.1:0"}, []string{"serve", "--open", "--listen", "127.0.0.1:0"}},
		{"darwin", []string{"version"}, []string{"version"}},
		{"darwin", []string{"--help"}, []string{"--help"}},
		{"linux", []string{"serve", "--lan"}, []string{"serve", "--lan"}},
	} {
		if got := defaultArgs(c.goos, c.args); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %q: %q, want %q", c.goos, c.args, got, c.want)
		}
	}
}
