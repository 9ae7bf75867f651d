package service_test

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"

	"github.com/xuri/excelize/v2"
)

// brokenAtRow7 is a workbook of header and ten rows of cells whose row 7
// holds a raw control character, which XML does not allow.
func brokenAtRow7(t *testing.T, header []string, row func(i int) []any) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetRow("Sheet1", "A1", &header); err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= 11; i++ {
		cells := row(i)
		if err := x.SetSheetRow("Sheet1", "A"+strconv.Itoa(i), &cells); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	row7 := regexp.MustCompile(`<row r="7"[^>]*>.*?</row>`)
	return apptest.RewriteZip(t, buf.Bytes(), func(files map[string][]byte) {
		const sheet = "xl/worksheets/sheet1.xml"
		files[sheet] = row7.ReplaceAllFunc(files[sheet], func(r []byte) []byte { return bytes.Replace(r, []byte("<v>"), []byte("<v>\x07"), 1) })
	}, nil)
}

// TestABrokenSheetImportsNothingAndNamesTheRow: members, groups and
// contributions alike. Before, the rows above the break were written and
// the command said so; the rest vanished.
func TestABrokenSheetImportsNothingAndNamesTheRow(t *testing.T) {
	f := newImportFixture(t)
	for _, tc := range []struct {
		name  string
		apply func(string, []byte) error
		data  []byte
	}{
		{"members", func(n string, d []byte) error { _, err := f.importer.Apply(n, d); return err },
			brokenAtRow7(t, []string{"姓名", "手机号"}, func(i int) []any { return []any{"成员" + strconv.Itoa(i), 13900000000 + i} })},
		{"groups", func(n string, d []byte) error { _, err := f.svc.GroupImport.Apply(n, d); return err },
			brokenAtRow7(t, []string{"委员会", "工作组", "年度"}, func(i int) []any { return []any{"地区用户委员会", "用户组" + strconv.Itoa(i), 2026} })},
		{"contributions", func(n string, d []byte) error { _, err := f.svc.ContributionImport.Apply(n, d); return err },
			brokenAtRow7(t, []string{"手机号", "类型", "日期"}, func(int) []any { return []any{13800000001, "article", "2026-03-05"} })},
	} {
		before, _ := f.svc.Members.Search(app.MemberQuery{})
		err := tc.apply("broken.xlsx", tc.data)
		if e := app.AsError(err); e == nil || e.Reason != "import_broken" || e.Params["row"] != "7" {
			t.Errorf("%s: %v, want import_broken at row 7", tc.name, err)
		}
		after, _ := f.svc.Members.Search(app.MemberQuery{})
		groups, _ := f.svc.Groups.List()
		contributions, _ := f.svc.Contributions.ForMember(f.zhang.ID)
		if after.Total != before.Total || len(groups) != 0 || len(contributions) != 0 {
			t.Errorf("%s: the broken file wrote %d members, %d groups, %d contributions", tc.name, after.Total-before.Total, len(groups), len(contributions))
		}
	}
}
