package cli

import (
	"os"
	"strings"
	"testing"

	"acedesk/app"
)

func TestVersionPrintsCommitBuildDateAndWindow(t *testing.T) {
	was := [3]string{app.Version, app.Commit, app.BuildDate}
	t.Cleanup(func() { app.Version, app.Commit, app.BuildDate = was[0], was[1], was[2] })
	app.Version, app.Commit, app.BuildDate = "v1.2.0-3-g0123abc", "0123abc4567def", "2026-05-04T03:02:01Z"
	db := tempDB(t)
	r := run(t, db, "version")
	want := "acedesk v1.2.0-3-g0123abc\n" +
		"commit:  0123abc4567def\n" +
		"built:   2026-05-04T03:02:01Z\n" +
		"window:  " + app.WebView + "\n" +
		"log: " + db + ".log\n"
	if r.code != ExitOK || r.stdout != want || r.stderr != "" {
		t.Errorf("version: exit %d, stdout %q, stderr %q; want 0 and %q", r.code, r.stdout, r.stderr, want)
	}
	other := tempDB(t)
	if r := run(t, db, "version", "--db", other); !strings.HasSuffix(r.stdout, "log: "+other+".log\n") {
		t.Errorf("version --db %s: %q", other, r.stdout)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("version touched the database: %v", err)
	}
}
