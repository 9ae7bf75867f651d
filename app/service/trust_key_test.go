package service_test

import (
	"strings"
	"testing"

	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/service"
	"acedesk/app/web"
)

func TestChapterKeyIsMadeOnFirstUseAndKept(t *testing.T) {
	svc, st := newServices(t)
	first, err := svc.Trust.ChapterKey()
	if err != nil {
		t.Fatal(err)
	}
	again, err := service.New(st, apptest.NewClock(apptest.Start), "lead", wired.Ports()).Trust.ChapterKey()
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
	if err != nil || v.Status != service.StatusMalformed {
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
		if strings.HasPrefix(n, "service.TrustService.") {
			trust = append(trust, n)
		}
		if strings.Contains(strings.ToLower(n), "sign") {
			t.Errorf("%s is callable from the UI", n)
		}
	}
	want := "service.TrustService.ChapterKey service.TrustService.ExportPublicKey service.TrustService.Verify service.TrustService.VerifyImage service.TrustService.VerifyPDF"
	if got := strings.Join(trust, " "); got != want {
		t.Errorf("bound trust methods: %s, want %s", got, want)
	}
}
