package service_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"acedesk/app"
)

// publishedBatch makes a member who joined in 2025-Q2, published.
func publishedBatch(t *testing.T, p *program, name, latin string) app.Member {
	t.Helper()
	m, err := p.svc.Members.Create(app.Member{Name: name, NameLatin: latin, City: "杭州"})
	if err != nil {
		t.Fatal(err)
	}
	p.approved(m.ID, "talk_conference", "2025-05-01")
	p.on("2026-01-05")
	if _, err := p.svc.Levels.PublishBatch("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestBatchCertificatesPrintSignAndVerify(t *testing.T) {
	p := newProgram(t)
	m := publishedBatch(t, p, "欧阳喆", "Ouyang Zhe")
	certs, err := p.svc.Certificates.ForBatch("2025-Q2")
	if err != nil || len(certs) != 1 {
		t.Fatalf("ForBatch = %+v, %v", certs, err)
	}
	c := certs[0]
	if c.Serial != "PGACE-2025-CN-000001" || c.MemberID != m.ID || c.Title != "PostgreSQL ACE 伙伴" || c.Payload == "" {
		t.Errorf("certificate = %+v", c)
	}
	again, _ := p.svc.Certificates.ForBatch("2025-Q2")
	if again[0].Serial != c.Serial || again[0].Prints != 2 {
		t.Errorf("reprint = %+v, want the same serial, 2 prints", again[0])
	}

	got, err := p.svc.Trust.Verify(c.Payload)
	if err != nil || got.Status != "valid" {
		t.Errorf("verify = %+v, %v", got, err)
	}
	tampered := c.Payload[:20] + string(c.Payload[20]^1) + c.Payload[21:]
	if got, _ := p.svc.Trust.Verify(tampered); got.Status == "valid" {
		t.Errorf("a tampered payload verifies: %+v", got)
	}

	preview, err := p.svc.Certificates.Preview(c.Serial)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, preview.Data)
	for _, want := range []string{"欧阳喆", "Ouyang Zhe", c.Serial, "Certificate of Honor", "PostgreSQL ACE 伙伴"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	fromPDF, err := p.svc.Trust.VerifyPDF(preview.Name, preview.Data)
	if err != nil || len(fromPDF) != 1 || fromPDF[0].Status != "valid" || fromPDF[0].Source != "printed_qr" {
		t.Errorf("verify the PDF = %+v, %v; want valid, read from the printed code", fromPDF, err)
	}

	if _, err := p.svc.Certificates.Revoke(c.Serial, ""); reasonOf(err) != "fields" {
		t.Errorf("revoke without a reason: %v", err)
	}
	if _, err := p.svc.Certificates.Revoke(c.Serial, "姓名有误，重新发放"); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.svc.Trust.Verify(c.Payload); got.Status != "revoked" || got.RevokedReason != "姓名有误，重新发放" {
		t.Errorf("verify a revoked certificate = %+v", got)
	}
	if _, err := p.svc.Certificates.Print([]string{c.Serial}, false); reasonOf(err) != "certificate_revoked" {
		t.Errorf("print a revoked certificate: %v", err)
	}
}

func TestNamesTheFontCannotPrintAreRefusedBeforeIssuing(t *testing.T) {
	p := newProgram(t)
	publishedBatch(t, p, "王𠀀", "Wang")
	if _, err := p.svc.Certificates.ForBatch("2025-Q2"); reasonOf(err) != "name_unprintable" || app.AsError(err).Params["chars"] != "𠀀" {
		t.Errorf("err = %+v, want name_unprintable naming 𠀀", app.AsError(err))
	}
	if all, _ := p.svc.Certificates.List(); len(all) != 0 {
		t.Errorf("refused certificates were recorded: %+v", all)
	}
}

func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian poppler-utils): %v", err)
	}
	return string(out)
}

func TestForLeadsIssuesEveryLeadsLetterOnce(t *testing.T) {
	p := newProgram(t)
	hz, fin := p.member("林堃"), p.member("周玥")
	p.group("regional", "杭州用户组", app.GroupTerm{Year: 2026, LeadID: hz.ID})
	p.group("industry", "金融行业组", app.GroupTerm{Year: 2026, LeadID: fin.ID}, app.GroupTerm{Year: 2027, LeadID: hz.ID})
	p.group("special", "特殊贡献组")
	for _, tc := range []struct {
		year   int
		want   []string
		reason string
	}{
		{2026, []string{"林堃 杭州用户组组长", "周玥 金融行业组组长"}, ""},
		{2027, []string{"林堃 金融行业组组长"}, ""},
		{2030, nil, "no_leads"},
	} {
		certs, err := p.svc.Certificates.ForLeads(tc.year)
		if reasonOf(err) != tc.reason {
			t.Errorf("%d: %v, want %q", tc.year, err, tc.reason)
		}
		var got []string
		for _, c := range certs {
			got = append(got, c.Name+" "+c.Title)
			if c.Kind != app.CertAppointment || c.Year != tc.year {
				t.Errorf("%d: %+v", tc.year, c)
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%d = %v, want %v", tc.year, got, tc.want)
		}
	}
	again, _ := p.svc.Certificates.ForLeads(2026)
	if len(again) != 2 || again[0].Prints != 2 || again[0].Serial != "PGACE-2026-CN-000001" {
		t.Errorf("issued again = %+v, want the same serials, reprinted", again)
	}
}

func TestThanksCertificatePrintsTheTalkTitleOnce(t *testing.T) {
	p := newProgram(t)
	speaker := p.member("林静")
	e, err := p.svc.Events.Save(app.Event{Name: "天天象上·杭州", Kind: app.EventRegionalSummit, Date: "2026-03-21", City: "杭州",
		Talks: []app.Talk{{MemberID: speaker.ID, Title: "深入理解 MVCC"}}})
	if err != nil {
		t.Fatal(err)
	}
	certs, err := p.svc.Certificates.ForEvent(e.ID)
	if err != nil || len(certs) != 1 {
		t.Fatalf("ForEvent = %+v, %v", certs, err)
	}
	preview, err := p.svc.Certificates.Preview(certs[0].Serial)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, preview.Data)
	if got := strings.Count(strings.ReplaceAll(text, " ", ""), "深入理解MVCC"); got != 3 {
		// In the Chinese and the English wording, and once as the title:
		// not a fourth time as an "English" title.
		t.Errorf("the talk title appears %d times, want 3:\n%s", got, text)
	}
}
