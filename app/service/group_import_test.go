package service_test

import (
	"slices"
	"testing"

	"acedesk/app"
	"acedesk/app/service"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func gbk(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := simplifiedchinese.GBK.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGroupImportPreviewOutcomes(t *testing.T) {
	f := newImportFixture(t)
	hz, err := f.svc.Groups.Create(app.Group{Committee: "regional", Name: "杭州用户组", Terms: []app.GroupTerm{{Year: 2026, LeadID: f.zhang.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	file := gbk(t, lines(
		"委员会,工作组,年度,组长手机",
		"地区用户委员会,杭州用户组,2026,13800000001",
		"regional,杭州用户组,2027,13800000002",
		"行业应用委员会,金融行业组,2026,138-0000-0002",
		"地区用户委员会,南京用户组,2026,",
		"宣传委员会,宣传组,2026,13800000001",
		"regional,上海用户组,明年,13800000001",
		"regional,上海用户组,2026,13900000000",
		"regional,杭州用户组,2027,13800000001",
	))
	report, err := f.svc.GroupImport.Preview("groups.csv", file)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range report.Rows {
		got = append(got, summary(r))
	}
	want := []string{
		"2 unchanged 杭州用户组",
		"3 new 杭州用户组",
		"4 new 金融行业组",
		"5 new 南京用户组",
		"6 error 宣传组 import_unknown_committee committee=宣传委员会",
		"7 error 上海用户组 import_bad_year year=明年",
		"8 error 上海用户组 import_unknown_phone phone=13900000000",
		"9 error 杭州用户组 import_same_group_year group=杭州用户组 row=3 year=2027",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	if _, err := f.svc.GroupImport.Apply("groups.csv", file); reasonOf(err) != "import_has_errors" {
		t.Errorf("apply with errors: err = %v, want import_has_errors", err)
	}
	if gs, _ := f.svc.Groups.List(); len(gs) != 1 || gs[0].Version != hz.Version {
		t.Errorf("a refused import changed the groups: %+v", gs)
	}

	good := lines("committee,group,year,lead_phone",
		"regional,杭州用户组,2027,13800000002",
		"industry,金融行业组,2026,13800000002",
		"regional,杭州用户组,2026,13800000002")
	report, err = f.svc.GroupImport.Apply("groups.csv", good)
	if err != nil || !report.Applied || report.New != 2 || report.Updated != 1 || report.Backup == "" {
		t.Fatalf("apply = %+v, %v", report, err)
	}
	gs, _ := f.svc.Groups.List()
	if len(gs) != 2 {
		t.Fatalf("groups = %+v, want 杭州 and 金融", gs)
	}
	if t26, _ := gs[0].Term(2026); t26.LeadID != f.li.ID {
		t.Errorf("杭州 2026 lead = %d, want 李四 %d", t26.LeadID, f.li.ID)
	}
	if t27, ok := gs[0].Term(2027); !ok || t27.LeadID != f.li.ID {
		t.Errorf("杭州 2027 term = %+v, want 李四", t27)
	}
	if row := standingOf(t, f.svc, 2026, f.li.ID); row.Level != "partner" {
		t.Errorf("imported lead stands %s, want partner", row.Level)
	}
	again, err := f.svc.GroupImport.Apply("groups.csv", good)
	if err != nil || again.Unchanged != 3 || again.Backup != "" {
		t.Errorf("re-import = %+v, %v; want 3 unchanged and no backup", again, err)
	}
	if audit, _ := f.st.AuditFor("group", gs[0].ID); len(audit) != 2 {
		t.Errorf("杭州 audit entries = %d, want create and import update", len(audit))
	}
}

func standingOf(t *testing.T, svc *service.Services, year int, member uint64) service.StandingRow {
	t.Helper()
	rows, err := svc.Standings.ForYear(year)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.MemberID == member {
			return r
		}
	}
	return service.StandingRow{Level: "none"}
}

func TestGroupImportLeadSince(t *testing.T) {
	f := newImportFixture(t)
	file := lines("委员会,工作组,年度,组长手机,组长起始日期",
		"行业应用委员会,金融行业组,2026,13800000001,2026-08-01",
		"地区用户委员会,杭州用户组,2026,13800000002,",
		"地区用户委员会,南京用户组,2026,13800000002,2025-08-01")
	report, err := f.svc.GroupImport.Preview("groups.csv", file)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range report.Rows {
		got = append(got, summary(r))
	}
	want := []string{"2 new 金融行业组", "3 new 杭州用户组", "4 error 南京用户组 import_lead_since date=2025-08-01 year=2026"}
	if !slices.Equal(got, want) {
		t.Fatalf("rows:\n got %q\nwant %q", got, want)
	}
	if _, err := f.svc.GroupImport.Apply("groups.csv", lines("委员会,工作组,年度,组长手机,组长起始日期",
		"行业应用委员会,金融行业组,2026,13800000001,2026/8/1")); err != nil {
		t.Fatal(err)
	}
	again, err := f.svc.GroupImport.Preview("groups.csv", lines("委员会,工作组,年度,组长手机,组长起始日期",
		"行业应用委员会,金融行业组,2026,13800000001,2026-08-01",
		"行业应用委员会,金融行业组,2027,13800000001,"))
	if err != nil || summary(again.Rows[0]) != "2 unchanged 金融行业组" {
		t.Fatalf("the same day again: %+v, %v", again.Rows, err)
	}
	moved, err := f.svc.GroupImport.Apply("groups.csv", lines("委员会,工作组,年度,组长手机,组长起始日期",
		"行业应用委员会,金融行业组,2026,13800000001,2026-09-15"))
	if err != nil || !slices.Equal(moved.Rows[0].Changes, []string{"lead_since"}) {
		t.Fatalf("a new day: %+v, %v", moved.Rows, err)
	}
	gs, _ := f.svc.Groups.List()
	if term, _ := gs[0].Term(2026); term.LeadSince != "2026-09-15" || term.LeadID != f.zhang.ID {
		t.Errorf("金融 2026 = %+v, want 张三 since 2026-09-15", term)
	}
}
