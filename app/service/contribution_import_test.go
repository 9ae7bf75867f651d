package service_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/demo"
	"acedesk/app/service"
	"acedesk/store"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// contribFixture is a roster in a real bbolt file: 张三 and 李四 with
// phones, two members named 王伟, and 赵六 archived.
type contribFixture struct {
	svc       *service.Services
	st        *store.Store
	zhang, li app.Member
}

func newContribFixture(t testing.TB) *contribFixture {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "acedesk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := &contribFixture{svc: service.New(st, apptest.NewClock(apptest.Start), "lead", wired.Ports()), st: st}
	create := func(m app.Member) app.Member {
		out, err := f.svc.Members.Create(m)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	f.zhang = create(app.Member{Name: "张三", NameLatin: "Zhang San", Phone: "13800000001"})
	f.li = create(app.Member{Name: "李四", Phone: "13800000002"})
	create(app.Member{Name: "王伟", Phone: "13800000003"})
	create(app.Member{Name: "王伟", Phone: "13800000004"})
	zhao := create(app.Member{Name: "赵六", Phone: "13800000005"})
	if _, err := f.svc.Members.Archive(zhao.ID, zhao.Version); err != nil {
		t.Fatal(err)
	}
	return f
}

// contribSummary shows a row as "row outcome name", then for a
// contribution "date kind ×quantity status points", for an error the
// reason, params and fields.
func contribSummary(r service.ImportRow) string {
	s := summary(r)
	if c := r.Contribution; c != nil && r.Outcome != service.ImportError {
		s += fmt.Sprintf(" %s %s ×%d %s %d", c.Date, c.Kind, c.Quantity, c.Status, c.Points)
	}
	return s
}

func TestContributionImportPreviewOutcomes(t *testing.T) {
	for _, tc := range []struct {
		name string
		file []byte
		want []string
	}{
		{"Chinese headers, kinds by label or key, beans as quantity", lines(
			"手机,姓名,类型,日期,数量,标题,证明链接",
			"138-0000-0001,,生态大会演讲,2026/3/5,,PostgreSQL 17 新特性,https://example.com/a",
			",李四,forum_beans,2026年6月30日,\"4,100\",,",
			"13800000002,Li Si?,article,2026-07-01,,,",
			"13800000001,zhang san,PG.Live 直播,2026-07-02,,直播,",
		), []string{
			"2 new 张三 2026-03-05 talk_conference ×1 approved 400",
			"3 new 李四 2026-06-30 forum_beans ×4100 approved 200",
			"4 error Li Si? import_phone_name_mismatch member=李四 name=Li Si? phone=13800000002",
			"5 new 张三 2026-07-02 talk_live ×1 approved 50",
		}},
		{"finding the member", lines(
			"phone,name,kind,date",
			"13900000000,,article,2026-03-01",
			",王伟,article,2026-03-01",
			",王五,article,2026-03-01",
			",赵六,article,2026-03-01",
			",,article,2026-03-01",
			"13800000003,王伟,article,2026-03-01",
		), []string{
			"2 error 13900000000 import_unknown_phone phone=13900000000",
			"3 error 王伟 import_ambiguous_name count=2 name=王伟",
			"4 error 王五 import_unknown_name name=王五",
			"5 error 赵六 member_archived member=赵六",
			"6 error  import_no_member",
			"7 new 王伟 2026-03-01 article ×1 approved 20",
		}},
		{"bad cells", lines(
			"name,kind,date,quantity",
			"张三,poem,2026-03-01,",
			"张三,article,2026-02-30,",
			"张三,article,,0",
			"张三,,2026-03-01,很多",
		), []string{
			"2 error 张三 fields kind=poem year=2026 kind=unknown_kind",
			"3 error 张三 fields date=invalid_date",
			"4 error 张三 fields date=required quantity=not_positive",
			"5 error 张三 fields kind=required quantity=not_positive",
		}},
		{"a status column, by key or label; blank is pending", lines(
			"name,kind,date,title,status",
			"张三,article,2026-03-01,一,已驳回",
			"张三,article,2026-03-02,二,Approved",
			"张三,article,2026-03-03,三,",
			"张三,article,2026-03-04,四,也许",
			"张三,article,2026-03-05,五,通过",
			"张三,article,2026-03-06,六,未通过",
		), []string{
			"2 new 张三 2026-03-01 article ×1 rejected 20",
			"3 new 张三 2026-03-02 article ×1 approved 20",
			"4 new 张三 2026-03-03 article ×1 pending 20",
			"5 error 张三 fields status=invalid_choice",
			"6 new 张三 2026-03-05 article ×1 approved 20",
			"7 new 张三 2026-03-06 article ×1 rejected 20",
		}},
		{"the same contribution twice in a file", lines(
			"name,kind,date,title",
			"张三,article,2026-03-01,VACUUM",
			"张三,公众号首发文章,2026.3.1,VACUUM",
			"张三,article,2026-03-01,VACUUM 续",
		), []string{
			"2 new 张三 2026-03-01 article ×1 approved 20",
			"3 error 张三 import_duplicate_contribution member=张三 row=2",
			"4 new 张三 2026-03-01 article ×1 approved 20",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newContribFixture(t)
			report, err := f.svc.ContributionImport.Preview("contributions.csv", tc.file)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range report.Rows {
				got = append(got, contribSummary(r))
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if report.New+report.Unchanged+report.Errors != len(report.Rows) || report.Updated != 0 || report.Applied {
				t.Errorf("report counts %+v do not match rows", report)
			}
		})
	}
}

func TestContributionImportApplyIsAuditedAndReimportIsUnchanged(t *testing.T) {
	f := newContribFixture(t)
	if _, err := f.svc.Settings.Save(app.Settings{Language: "zh-CN", Operator: "杭州组长"}); err != nil {
		t.Fatal(err)
	}
	// One already on record, entered by hand and still pending.
	if _, err := f.svc.Contributions.Create(app.Contribution{MemberID: f.li.ID, Kind: "article", Date: "2026-04-01", Title: "分区表"}); err != nil {
		t.Fatal(err)
	}
	file := lines(
		"手机,姓名,类型,日期,数量,标题",
		"13800000001,张三,高校活动,2026-05-10,,PostgreSQL 高校行·浙大站",
		"13800000002,李四,公众号首发文章,2026-04-01,,分区表",
		"13800000002,李四,PGFans PG 豆,2026-06-30,2000,",
	)
	report, err := f.svc.ContributionImport.Apply("contributions.csv", file)
	if err != nil {
		t.Fatal(err)
	}
	if !report.Applied || report.New != 2 || report.Unchanged != 1 || !strings.HasPrefix(report.Backup, f.st.Path()+".before-import-") {
		t.Fatalf("report = %+v", report)
	}
	if _, err := os.Stat(report.Backup); err != nil {
		t.Errorf("backup: %v", err)
	}
	for _, i := range []int{0, 2} {
		c := report.Rows[i].Contribution
		audit, err := f.st.AuditFor("contribution", c.ID)
		if err != nil || len(audit) != 1 || audit[0].Action != app.ActionCreate || audit[0].Actor != "杭州组长" {
			t.Errorf("audit of row %d (id %d) = %+v, %v", report.Rows[i].Row, c.ID, audit, err)
		}
		if c.Version != 1 || c.Status != app.StatusApproved {
			t.Errorf("stored = %+v", c.Contribution)
		}
	}
	// The row identical to the hand-entered one keeps it as it was.
	if c := report.Rows[1].Contribution; c.Status != app.StatusPending || c.ID == 0 {
		t.Errorf("unchanged row = %+v", c.Contribution)
	}
	standings, err := f.svc.Standings.ForYear(2026)
	if err != nil {
		t.Fatal(err)
	}
	points := map[string]int{}
	for _, s := range standings {
		points[s.Name] = s.Points
	}
	if points["张三"] != 200 || points["李四"] != 100 {
		t.Errorf("points = %v, want 张三 200 and 李四 100", points)
	}

	again, err := f.svc.ContributionImport.Apply("contributions.csv", file)
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 3 || again.New+again.Errors != 0 || again.Backup != "" || !again.Applied {
		t.Errorf("re-import = %+v, want all unchanged", again)
	}
}

// A lead's file records pending contributions, and later the same file
// with 已通过 or 已驳回: the second import reviews the pending records, and
// never takes a reviewed one back.
func TestContributionImportReviewsPendingRecords(t *testing.T) {
	f := newContribFixture(t)
	pending := lines("手机,类型,日期,标题,状态",
		"13800000001,article,2026-04-01,分区表,待审核",
		"13800000001,article,2026-04-02,索引,待审核",
		"13800000002,article,2026-04-03,VACUUM,已通过")
	if _, err := f.svc.ContributionImport.Apply("april.csv", pending); err != nil {
		t.Fatal(err)
	}
	reviewed := lines("手机,类型,日期,标题,状态",
		"13800000001,article,2026-04-01,分区表,已通过",
		"13800000001,article,2026-04-02,索引,rejected",
		"13800000002,article,2026-04-03,VACUUM,待审核")
	report, err := f.svc.ContributionImport.Apply("april.csv", reviewed)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range report.Rows {
		got = append(got, contribSummary(r))
	}
	want := []string{
		"2 updated 张三 [status] 2026-04-01 article ×1 approved 20",
		"3 updated 张三 [status] 2026-04-02 article ×1 rejected 20",
		"4 unchanged 李四 2026-04-03 article ×1 approved 20",
	}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	first := report.Rows[0].Contribution
	if first.Version != 2 {
		t.Errorf("the reviewed record = %+v, want version 2", first.Contribution)
	}
	audit, err := f.st.AuditFor("contribution", first.ID)
	if err != nil || len(audit) != 2 || audit[1].Action != app.StatusApproved {
		t.Errorf("audit = %+v, %v; want the creation and the approval", audit, err)
	}
	standings, err := f.svc.Standings.ForYear(2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range standings {
		if s.Name == "张三" && s.Points != 20 {
			t.Errorf("张三 has %d points, want 20 (one approved article)", s.Points)
		}
	}
}

func TestContributionImportWithABadRowWritesNothing(t *testing.T) {
	f := newContribFixture(t)
	before, err := os.ReadFile(f.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	file := lines(
		"name,kind,date",
		"张三,article,2026-03-01",
		"王伟,article,2026-03-01",
	)
	preview, err := f.svc.ContributionImport.Preview("c.csv", file)
	if err != nil || preview.New != 1 || preview.Errors != 1 {
		t.Fatalf("preview = %+v, %v", preview, err)
	}
	report, err := f.svc.ContributionImport.Apply("c.csv", file)
	e := app.AsError(err)
	if e == nil || e.Reason != "import_has_errors" || e.Params["errors"] != "1" || e.Params["rows"] != "2" || report.Applied {
		t.Fatalf("err = %+v, report = %+v", e, report)
	}
	after, _ := os.ReadFile(f.st.Path())
	if !bytes.Equal(before, after) {
		t.Error("the database file changed after a refused import")
	}
	if backups, _ := filepath.Glob(f.st.Path() + ".before-import-*"); len(backups) != 0 {
		t.Errorf("a refused import made backups %v", backups)
	}
}

func TestContributionImportGBKAndXLSX(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(lines(
		"姓名,类型,日期,标题",
		"张三,技术峰会全国行演讲,2026-09-12,象行中国·杭州站",
	))
	if err != nil {
		t.Fatal(err)
	}
	x := excelize.NewFile()
	defer x.Close()
	// A phone typed as a number and a real date cell, as Excel makes them.
	for ref, v := range map[string]any{"A1": "手机号", "B1": "类型", "C1": "日期", "D1": "数量",
		"A2": 13800000002, "B2": "PGFans PG 豆", "C2": time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), "D2": 6000} {
		if err := x.SetCellValue("Sheet1", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		file []byte
		want string
	}{
		{"贡献.csv", gbk, "2 new 张三 2026-09-12 talk_regional ×1 approved 200"},
		{"贡献.xlsx", buf.Bytes(), "2 new 李四 2026-11-30 forum_beans ×6000 approved 300"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newContribFixture(t)
			report, err := f.svc.ContributionImport.Apply(tc.name, tc.file)
			if err != nil || len(report.Rows) != 1 {
				t.Fatalf("report = %+v, %v", report, err)
			}
			if got := contribSummary(report.Rows[0]); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestContributionImportRefusesFilesWithoutKindOrDate(t *testing.T) {
	f := newContribFixture(t)
	_, err := f.svc.ContributionImport.Preview("c.csv", lines("姓名,标题", "张三,x"))
	if e := app.AsError(err); e == nil || e.Reason != "import_missing_column" || e.Params["columns"] != "kind, date" {
		t.Errorf("err = %+v, want import_missing_column kind, date", e)
	}
}

// BenchmarkContributionImport10k imports 10,000 contributions of 10,000
// members from a CSV file, then the same file again (all unchanged).
func BenchmarkContributionImport10k(b *testing.B) {
	members := demo.Members(10000, 7)
	kinds := []string{"article", "PG.Live 直播", "talk_regional", "forum_beans", "高校活动"}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"手机", "姓名", "类型", "日期", "数量", "标题", "证明链接"})
	for i, m := range members {
		w.Write([]string{m.Phone, m.Name, kinds[i%len(kinds)], fmt.Sprintf("2026-%02d-%02d", i%12+1, i%28+1),
			fmt.Sprint(1 + i%3*700), fmt.Sprintf("第 %d 篇", i), "https://example.com/" + fmt.Sprint(i)})
	}
	w.Flush()
	file := filepath.Join(b.TempDir(), "contributions.csv")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	open := func(b *testing.B) *service.Services {
		st, err := store.Open(filepath.Join(b.TempDir(), "acedesk.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		if err := st.CreateMembersAndContributions(members, nil, app.Change{Actor: "bench", At: apptest.Start}); err != nil {
			b.Fatal(err)
		}
		return service.New(st, app.SystemClock{}, "lead", wired.Ports())
	}
	importFile := func(b *testing.B, svc *service.Services) service.ImportReport {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		report, err := svc.ContributionImport.Apply("contributions.csv", data)
		if err != nil {
			b.Fatalf("%d errors: %v", report.Errors, err)
		}
		return report
	}
	b.Run("into a roster without contributions", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			svc := open(b)
			b.StartTimer()
			if r := importFile(b, svc); r.New != 10000 {
				b.Fatalf("%d new", r.New)
			}
		}
	})
	b.Run("again, all unchanged", func(b *testing.B) {
		svc := open(b)
		importFile(b, svc)
		for b.Loop() {
			if r := importFile(b, svc); r.Unchanged != 10000 {
				b.Fatalf("%d unchanged", r.Unchanged)
			}
		}
	})
}
