package cli

import (
	"strings"
	"testing"
)

func TestSettingsCommand(t *testing.T) {
	db := tempDB(t)
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"settings", "set", "chapter_code", "hz"}, ExitOK, "chapter_code = HZ\n", ""},
		{[]string{"settings", "get", "chapter_code"}, ExitOK, "HZ\n", ""},
		{[]string{"settings", "set", "language", "fr"}, ExitError, "", "language"},
		{[]string{"settings", "set", "language", "en"}, ExitOK, "language = en\n", ""},
		{[]string{"settings", "get", "language"}, ExitOK, "en\n", ""},
		{[]string{"settings", "set", "operator", "王老师"}, ExitOK, "operator = 王老师\n", ""},
		{[]string{"settings", "get", "operator"}, ExitOK, "王老师\n", ""},
	} {
		r := run(t, db, tc.args...)
		if r.code != tc.code || r.stdout != tc.stdout || !strings.Contains(r.stderr, tc.stderr) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", tc.args, r.code, r.stdout, r.stderr, tc.code, tc.stdout, tc.stderr)
		}
	}
}
