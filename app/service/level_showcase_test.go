package service_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"acedesk/app"
)

// holder makes a member who reaches ACE Partner in 2025 (held 2025–2026)
// with every private field filled in.
func holder(t *testing.T, p *program, m app.Member) app.Member {
	t.Helper()
	m, err := p.svc.Members.Create(m)
	if err != nil {
		t.Fatal(err)
	}
	p.approved(m.ID, "talk_conference", "2025-05-01")
	return m
}

func TestShowcaseListsHoldersByLevelAndCityWithoutContacts(t *testing.T) {
	p := newProgram(t)
	private := []app.Member{
		{Name: "<script>alert(1)</script>", NameLatin: "Zhao Lei", City: "杭州", Organization: `O'Reilly & "Sons"`,
			Phone: "13800000001", Email: "zhao@example.com", WeChat: "zhao_wx_1", Address: "西湖区文三路 1 号", Bio: "<b>内核</b> 开发者\n第二行"},
		{Name: "钱多", NameLatin: "Qian Duo", City: "杭州", Phone: "13800000002", Email: "qian@example.com", WeChat: "qian_wx_2",
			Address: "滨江区 2 号"},
		{Name: "孙悦", NameLatin: "Sun Yue", City: "北京", Phone: "13800000003", Email: "sun@example.com", WeChat: "sun_wx_3",
			Address: "海淀区 3 号", Organization: "北京大学"},
		{Name: "李归档", NameLatin: "Li Guidang", City: "上海", Phone: "13800000004", Email: "li@example.com"},
	}
	var made []app.Member
	for _, m := range private {
		made = append(made, holder(t, p, m))
	}
	p.member("周无级") // no contributions: holds nothing
	p.on("2026-01-05")
	if _, err := p.svc.Levels.PublishBatch("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	// The batch gives 2025; the renewal of 2025 gives 2026.
	if _, err := p.svc.Levels.ConfirmRenewal(2025); err != nil {
		t.Fatal(err)
	}
	archived := made[3]
	if _, err := p.svc.Members.Archive(archived.ID, archived.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := p.svc.Certificates.SaveSetup(func() app.CertificateSetup {
		s, _ := p.svc.Certificates.Setup()
		s.ChapterCode, s.IssuerZH, s.IssuerEN = "HZ", "杭州分会 <test>", "Hangzhou Chapter"
		return s
	}()); err != nil {
		t.Fatal(err)
	}

	page, err := p.svc.Levels.Showcase(2026)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ level, city, name string }
	var got []row
	for _, l := range page.Levels {
		for _, c := range l.Cities {
			for _, x := range c.People {
				got = append(got, row{l.Level, c.City, x.Name})
			}
		}
	}
	want := []row{{"partner", "杭州", "钱多"}, {"partner", "杭州", "<script>alert(1)</script>"}, {"partner", "北京", "孙悦"}}
	if page.Total != 3 || page.Year != 2026 || page.Chapter.NameZH != "杭州分会 <test>" || len(got) != len(want) {
		t.Fatalf("page = %+v", page)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	sun := page.Levels[0].Cities[1].People[0]
	if sun != (app.ShowcasePerson{Name: "孙悦", NameLatin: "Sun Yue", Level: "partner", City: "北京", Organization: "北京大学"}) {
		t.Errorf("person = %+v", sun)
	}

	jsonFile, err := p.svc.Levels.ShowcaseFile(2026, "json")
	if err != nil {
		t.Fatal(err)
	}
	htmlFile, err := p.svc.Levels.ShowcaseFile(2026, "html")
	if err != nil {
		t.Fatal(err)
	}
	if jsonFile.Name != "pgace-showcase-2026.json" || htmlFile.Name != "pgace-showcase-2026.html" {
		t.Errorf("names = %s, %s", jsonFile.Name, htmlFile.Name)
	}
	var back app.Showcase
	if err := json.Unmarshal(jsonFile.Data, &back); err != nil || back.Format != "acedesk-showcase" || back.Version != 1 || back.Total != 3 {
		t.Errorf("JSON = %s (%v)", jsonFile.Data, err)
	}
	for _, m := range private {
		for _, secret := range []string{m.Phone, m.Email, m.WeChat, m.Address} {
			if secret == "" {
				continue
			}
			for name, data := range map[string][]byte{"JSON": jsonFile.Data, "HTML": htmlFile.Data} {
				if strings.Contains(string(data), secret) {
					t.Errorf("the %s holds %q", name, secret)
				}
			}
		}
	}
	for _, gone := range []string{"李归档", "周无级"} {
		if strings.Contains(string(jsonFile.Data)+string(htmlFile.Data), gone) {
			t.Errorf("the showcase lists %s", gone)
		}
	}

	html := string(htmlFile.Data)
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;内核&lt;/b&gt; 开发者", "O&#39;Reilly &amp; &#34;Sons&#34;",
		"杭州分会 &lt;test&gt;", "PostgreSQL ACE 伙伴", "PostgreSQL ACE Partner", "Zhao Lei",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
	if n := strings.Count(strings.ToLower(html), "<script"); n != 0 {
		t.Errorf("the HTML has %d script tags", n)
	}
	if regexp.MustCompile(`(?i)(https?:|//[a-z]|src=|url\()`).MatchString(html) {
		t.Errorf("the HTML refers to something outside itself")
	}
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(html)
	style := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(html)
	if csp == nil || style == nil {
		t.Fatalf("no CSP or style in the HTML")
	}
	sum := sha256.Sum256([]byte(style[1]))
	policy := strings.ReplaceAll(csp[1], "&#39;", "'")
	if !strings.HasPrefix(policy, "default-src 'none';") || !strings.Contains(policy, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		t.Errorf("the policy %q does not allow exactly the page's style", policy)
	}
}

func TestShowcaseEmptyAndBadInput(t *testing.T) {
	p := newProgram(t)
	page, err := p.svc.Levels.Showcase(0)
	if err != nil || page.Year != 2026 || page.Total != 0 || page.Levels == nil || len(page.Levels) != 0 {
		t.Errorf("empty showcase = %+v, %v", page, err)
	}
	f, err := p.svc.Levels.ShowcaseFile(0, "html")
	if err != nil || !strings.Contains(string(f.Data), "暂无荣誉成员") {
		t.Errorf("empty HTML: %v", err)
	}
	for _, tc := range []struct {
		year   int
		format string
		reason string
	}{{1999, "json", "invalid_year"}, {3000, "html", "invalid_year"}, {2026, "xml", "invalid_format"}, {2026, "", "invalid_format"}} {
		if _, err := p.svc.Levels.ShowcaseFile(tc.year, tc.format); reasonOf(err) != tc.reason {
			t.Errorf("ShowcaseFile(%d, %q) = %v, want %s", tc.year, tc.format, err, tc.reason)
		}
	}
}
