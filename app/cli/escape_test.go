package cli

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestTerminalOutputShowsControlCharactersAsEscapes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writes []string
		want   string
	}{
		{"plain text, tabs and lines", []string{"成员\t欧阳喆\n"}, "成员\t欧阳喆\n"},
		{"a screen clear and a fake line", []string{"chapter \x1b[2J\x1b[H0 conflicts\n"}, `chapter \u001b[2J\u001b[H0 conflicts` + "\n"},
		{"a carriage return over a line", []string{"3 conflicts\r0 conflicts\n"}, `3 conflicts\u000d0 conflicts` + "\n"},
		{"a right-to-left override", []string{"admin\u202Egnp.exe"}, `admin\u202egnp.exe`},
		{"a bell and a C1 CSI", []string{"\a\u009b"}, `\u0007\u009b`},
		{"a byte that is not UTF-8", []string{"a\xffb"}, `a\xffb`},
		{"a character cut between writes", []string{"欧\xe9", "\x98\xb3喆"}, "欧阳喆"},
	} {
		var buf bytes.Buffer
		w := escaping(&buf)
		for _, s := range tc.writes {
			if n, err := w.Write([]byte(s)); err != nil || n != len(s) {
				t.Fatalf("%s: Write = %d, %v", tc.name, n, err)
			}
		}
		if buf.String() != tc.want {
			t.Errorf("%s: wrote %q, want %q", tc.name, buf.String(), tc.want)
		}
	}
	// JSON output escaped this way still reads as the same strings.
	var buf bytes.Buffer
	json.NewEncoder(escaping(&buf)).Encode(map[string]string{"name": "admin\u202Egnp"})
	var back map[string]string
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back["name"] != "admin\u202Egnp" {
		t.Errorf("escaped JSON %s reads as %q, %v", buf.String(), back["name"], err)
	}
}
