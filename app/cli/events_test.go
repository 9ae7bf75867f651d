package cli

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest/wired"
	"acedesk/app/service"
	"acedesk/store"
)

// registerHolders registers, for the demo's first event of this year, two
// members holding a level and one holding none.
func registerHolders(t *testing.T, db string) uint64 {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := service.New(st, clock, "tester", wired.Ports())
	events, err := svc.Events.List(today.Year())
	if err != nil || len(events) == 0 {
		t.Fatalf("demo events: %v, %v", events, err)
	}
	e := events[len(events)-1]
	holdings, err := svc.Levels.Holders(today.Year())
	if err != nil {
		t.Fatal(err)
	}
	holders := map[uint64]bool{}
	for _, h := range holdings {
		holders[h.MemberID] = true
	}
	page, err := svc.Members.Search(app.MemberQuery{Limit: app.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	with, without := 0, 0
	for _, m := range page.Items {
		if (holders[m.ID] && with < 2) || (!holders[m.ID] && without < 1) {
			if _, err := svc.Attendees.Register(e.ID, m.ID); err != nil {
				t.Fatal(err)
			}
			if holders[m.ID] {
				with++
			} else {
				without++
			}
		}
	}
	if with != 2 {
		t.Fatalf("the demo has %d holders", with)
	}
	return e.ID
}

func TestPlacecardsCommand(t *testing.T) {
	db := tempDB(t)
	run(t, db, "demo", "--members", "60")
	id := registerHolders(t, db)
	out := filepath.Join(t.TempDir(), "cards.pdf")
	r := run(t, db, "placecards", "--event", strconv.FormatUint(id, 10), "--out", out)
	if r.code != ExitOK {
		t.Fatalf("placecards: %+v", r)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], "2 place cards") {
		t.Fatalf("stdout = %q, want two cards", r.stdout)
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian poppler-utils): %v", err)
	}
	for _, l := range lines[:2] {
		f := strings.Split(l, "\t")
		for _, want := range f {
			if !strings.Contains(string(text), want) {
				t.Errorf("the PDF lacks %q", want)
			}
		}
	}
	for _, args := range [][]string{
		{"placecards", "--out", out},
		{"placecards", "--event", "1"},
		{"placecards", "--event", "1", "--out", "cards.xlsx"},
	} {
		if r := run(t, db, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d, want usage", args, r.code)
		}
	}
	if r := run(t, db, "placecards", "--event", "9999", "--out", out); r.code != ExitError {
		t.Errorf("unknown event: %+v", r)
	}
}
