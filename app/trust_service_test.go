package app_test

import (
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/web"
)

func TestChapterKeyIsMadeOnFirstUseAndKept(t *testing.T) {
	svc, st := newServices(t)
	first, err := svc.Trust.ChapterKey()
	if err != nil {
		t.Fatal(err)
	}
	again, err := app.NewServices(st, apptest.NewClock(apptest.Start), "lead").Trust.ChapterKey()
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Errorf("a second session sees %+v, want %+v", again, first)
	}
	audit, err := st.AuditFor("chapter_key", 0)
	if err != nil || len(audit) != 1 || audit[0].Actor != "lead" {
		t.Errorf("audit = %+v, %v, want one entry by lead", audit, err)
	}
	// Until certificate records exist, a payload of ours reads as valid only
	// if it verifies: here, a malformed one.
	v, err := svc.Trust.Verify("ACE1.x.y")
	if err != nil || v.Status != app.StatusMalformed {
		t.Errorf("Verify: %+v, %v", v, err)
	}
}

// TestUICannotSign: the UI and the LAN API reach only the bound methods,
// and none of them signs.
func TestUICannotSign(t *testing.T) {
	svc, _ := newServices(t)
	names := web.NewDispatcher(svc.Bindings()...).Names()
	var trust []string
	for _, n := range names {
		if strings.HasPrefix(n, "app.TrustService.") {
			trust = append(trust, n)
		}
		if strings.Contains(strings.ToLower(n), "sign") {
			t.Errorf("%s is callable from the UI", n)
		}
	}
	want := "app.TrustService.ChapterKey app.TrustService.ExportPublicKey app.TrustService.Verify app.TrustService.VerifyImage app.TrustService.VerifyPDF"
	if got := strings.Join(trust, " "); got != want {
		t.Errorf("bound trust methods: %s, want %s", got, want)
	}
}
