package service_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
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
	if c.Serial != "PGACE-2025-HZ-000001" || c.MemberID != m.ID || c.Title != "PostgreSQL ACE 伙伴" || c.Payload == "" || c.Prints != 0 {
		t.Errorf("certificate = %+v", c)
	}
	again, _ := p.svc.Certificates.ForBatch("2025-Q2")
	if again[0].Serial != c.Serial || again[0].Prints != 0 {
		t.Errorf("issued again = %+v, want the same serial and no paper counted", again[0])
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
	for _, want := range []string{"欧阳喆", "Ouyang Zhe", c.Serial, "CERTIFICATE OF HONOR", "PostgreSQL ACE 伙伴"} {
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

// A name with a character the certificate font lacks is refused when it is
// entered, with the character and its code point, never at print time; a
// name beyond the BMP that the font has is taken, gets its Latin name from
// pinyin, and prints.
func TestNamesTheFontCannotPrintAreRefusedAtEntry(t *testing.T) {
	p := newProgram(t)
	_, err := p.svc.Members.Create(app.Member{Name: "张𪚥", City: "杭州"})
	if e := app.AsError(err); e.Reason != "name_unprintable" || e.Params["chars"] != "𪚥" || e.Params["codes"] != "U+2A6A5" {
		t.Errorf("create 张𪚥: %+v, want name_unprintable naming 𪚥 U+2A6A5", e)
	}
	m := p.member("王𬌗")
	if m.NameLatin != "Wang He" {
		t.Errorf("Latin name of 王𬌗 = %q, want the pinyin Wang He", m.NameLatin)
	}
	m.Name = "王𪚥"
	if _, err := p.svc.Members.Update(m); reasonOf(err) != "name_unprintable" {
		t.Errorf("rename to 王𪚥: %v, want name_unprintable", err)
	}
	if got, _ := p.svc.Members.Get(m.ID); got.Name != "王𬌗" {
		t.Errorf("after the refusal the name is %q", got.Name)
	}
	m.Name, m.NameLatin = "王𬌗", "Wang Ge"
	if got, err := p.svc.Members.Update(m); err != nil || got.NameLatin != "Wang Ge" {
		t.Errorf("correct the Latin name: %+v, %v", got, err)
	}
}

// A name of characters from Extensions B to E prints (𠮷, and 𬌗 and 𬱖
// of the 2013 standard list among them), and text extraction reads it
// back.
func TestANameBeyondTheBMPPrints(t *testing.T) {
	p := newProgram(t)
	const name = "𠮷𪟝𫖮𫠊𬌗𬱖"
	m, err := p.svc.Members.Create(app.Member{Name: name, NameLatin: "Ji Yiwei", City: "杭州"})
	if err != nil {
		t.Fatal(err)
	}
	e, err := p.svc.Events.Save(app.Event{Name: "天天象上", Kind: app.EventRegionalSummit, Date: "2026-03-21", City: "杭州",
		Talks: []app.Talk{{MemberID: m.ID, Title: "MVCC"}}})
	if err != nil {
		t.Fatal(err)
	}
	certs, err := p.svc.Certificates.ForEvent(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	preview, err := p.svc.Certificates.Preview(certs[0].Serial)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, preview.Data); !strings.Contains(text, name) {
		t.Errorf("the PDF's text lacks %s:\n%s", name, text)
	}
	if got, err := p.svc.Trust.VerifyPDF(preview.Name, preview.Data); err != nil || len(got) != 1 || got[0].Claims.Name != name {
		t.Errorf("verify = %+v, %v", got, err)
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
	if len(again) != 2 || again[0].Prints != 0 || again[0].Serial != "PGACE-2026-HZ-000001" {
		t.Errorf("issued again = %+v, want the same serials, no paper counted", again)
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
	if got := strings.Count(strings.ReplaceAll(text, " ", ""), "深入理解MVCC"); got != 1 {
		// In the Chinese wording only: the English names no Chinese title,
		// and no block repeats it.
		t.Errorf("the talk title appears %d times, want 1:\n%s", got, text)
	}
}

// Serials count from 1 per chapter and year; issuing, previewing and
// downloading count no paper, and only a paper printed again after a first
// one reads "补发 / Reprint".
func TestSerialsPerYearAndReprintsOnlyOnPaper(t *testing.T) {
	p := newProgram(t)
	first := p.member("林静")
	second := p.member("周玥")
	var serials []string
	for _, ev := range []app.Event{
		{Name: "天天象上·杭州", Kind: app.EventRegionalSummit, Date: "2026-03-21", City: "杭州", Talks: []app.Talk{{MemberID: first.ID, Title: "MVCC"}}},
		{Name: "象行中国·南京", Kind: app.EventRegionalSummit, Date: "2025-11-08", City: "南京", Talks: []app.Talk{{MemberID: second.ID, Title: "WAL"}}},
		{Name: "大象汇", Kind: app.EventRegionalSummit, Date: "2026-09-12", City: "北京", Talks: []app.Talk{{MemberID: second.ID, Title: "VACUUM"}}},
	} {
		e, err := p.svc.Events.Save(ev)
		if err != nil {
			t.Fatal(err)
		}
		certs, err := p.svc.Certificates.ForEvent(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		serials = append(serials, certs[0].Serial)
	}
	if want := []string{"PGACE-2026-HZ-000001", "PGACE-2025-HZ-000001", "PGACE-2026-HZ-000002"}; !slices.Equal(serials, want) {
		t.Errorf("serials = %q, want %q", serials, want)
	}

	prints := func() int {
		c, _, _ := p.st.GetCertificate(serials[0])
		return c.Prints
	}
	if _, err := p.svc.Certificates.Preview(serials[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.Certificates.Picture(serials[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.Certificates.Render(serials[:1], true); err != nil {
		t.Fatal(err)
	}
	if got := prints(); got != 0 {
		t.Errorf("after preview, picture and download: %d papers, want 0", got)
	}
	for i, want := range []bool{false, true} {
		files, err := p.svc.Certificates.Render(serials[:1], false)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(pdfText(t, files[0].Data), "补发"); got != want {
			t.Errorf("paper %d reads 补发: %v, want %v", i+1, got, want)
		}
	}
	if got := prints(); got != 2 {
		t.Errorf("after two papers: %d counted, want 2", got)
	}
	preview, _ := p.svc.Certificates.Preview(serials[0])
	if strings.Contains(pdfText(t, preview.Data), "补发") {
		t.Error("a preview after two papers reads 补发")
	}
}

// Nothing is issued before the chapter sets its code, and the code cannot
// change once a serial carries it.
func TestChapterCodeIsSetOnceBeforeTheFirstCertificate(t *testing.T) {
	p := newUnsetProgram(t)
	speaker := p.member("林静")
	e, err := p.svc.Events.Save(app.Event{Name: "天天象上", Kind: app.EventRegionalSummit, Date: "2026-03-21", City: "杭州",
		Talks: []app.Talk{{MemberID: speaker.ID, Title: "MVCC"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.Certificates.ForEvent(e.ID); reasonOf(err) != "chapter_code_unset" {
		t.Errorf("issuing without a chapter code: %v, want chapter_code_unset", err)
	}
	if certs, _ := p.svc.Certificates.List(); len(certs) != 0 {
		t.Errorf("%d certificates stored after the refusal", len(certs))
	}
	setup, _ := p.svc.Certificates.Setup()
	if setup.ChapterCode != "" {
		t.Errorf("a new chapter's code = %q, want none", setup.ChapterCode)
	}
	for _, code := range []string{"BJ", "HZ"} {
		setup.ChapterCode = code
		if setup, err = p.svc.Certificates.SaveSetup(setup); err != nil {
			t.Fatalf("set %s before any certificate: %v", code, err)
		}
	}
	if _, err := p.svc.Certificates.ForEvent(e.ID); err != nil {
		t.Fatal(err)
	}
	setup.ChapterCode = "SH"
	if _, err := p.svc.Certificates.SaveSetup(setup); reasonOf(err) != "chapter_code_locked" {
		t.Errorf("change the code after a certificate: %v, want chapter_code_locked", err)
	}
	setup.ChapterCode, setup.IssuerEN = "HZ", "Hangzhou"
	if _, err := p.svc.Certificates.SaveSetup(setup); err != nil {
		t.Errorf("save the same code with other changes: %v", err)
	}
}

// A level from a batch of 2025 is held into 2026, but its certificate is
// of 2025: asked for 2026, there is none to print.
func TestForMemberPrintsTheYearAsked(t *testing.T) {
	p := newProgram(t)
	m := publishedBatch(t, p, "欧阳喆", "Ouyang Zhe")
	for _, tc := range []struct {
		year   int
		want   string
		reason string
	}{
		{2025, "PGACE-2025-HZ-000001", ""},
		{2026, "", "no_certificate_for_member"},
	} {
		certs, err := p.svc.Certificates.ForMember(m.ID, app.CertHonor, tc.year, 0)
		if reasonOf(err) != tc.reason {
			t.Errorf("%d: %v, want %q", tc.year, err, tc.reason)
		}
		got := ""
		if len(certs) == 1 {
			got = certs[0].Serial
		}
		if got != tc.want || len(certs) > 1 {
			t.Errorf("%d: %+v, want %q", tc.year, certs, tc.want)
		}
	}
}

// A setup saved with an earlier version's default wording reads with
// today's; a wording the chapter edited stays.
func TestFormerDefaultWordingIsUpgraded(t *testing.T) {
	p := newProgram(t)
	setup, _ := p.svc.Certificates.Setup()
	setup.Wording.HonorZH = "{name} 同志在 {year} 年度 PostgreSQL 社区贡献突出，经 PostgreSQL ACE 荣誉体系评定，授予“{title}”荣誉称号。"
	setup.Wording.ThanksZH = "感谢{name}的分享。"
	if _, err := p.st.SaveCertificateSetup(setup, app.Change{Actor: "older ACE Desk", At: apptest.Start}); err != nil {
		t.Fatal(err)
	}
	got, err := p.svc.Certificates.Setup()
	if err != nil {
		t.Fatal(err)
	}
	if want := app.DefaultCertificateSetup().Wording.HonorZH; got.Wording.HonorZH != want {
		t.Errorf("honor wording = %q, want today's default %q", got.Wording.HonorZH, want)
	}
	if got.Wording.ThanksZH != "感谢{name}的分享。" {
		t.Errorf("an edited wording became %q", got.Wording.ThanksZH)
	}
}
