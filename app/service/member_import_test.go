package service_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/demo"
	"acedesk/app/service"
	"acedesk/store"

	"github.com/xuri/excelize/v2"
)

// importFixture is a roster in a real bbolt file with 张三 and 李四 on it.
type importFixture struct {
	svc      *service.Services
	st       *store.Store
	importer *service.MemberImportService
	zhang    app.Member
	li       app.Member
}

func newImportFixture(t testing.TB) *importFixture {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "acedesk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := service.New(st, apptest.NewClock(apptest.Start), "lead", wired.Ports())
	f := &importFixture{svc: svc, st: st, importer: service.NewMemberImportService(st, svc.Settings, wired.Ports())}
	f.zhang, err = svc.Members.Create(app.Member{Name: "张三", Phone: "13800000001", Email: "zs@example.com", City: "杭州", OrgCategory: "user"})
	if err != nil {
		t.Fatal(err)
	}
	f.li, err = svc.Members.Create(app.Member{Name: "李四", Phone: "13800000002", Email: "ls@example.com", City: "上海"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func lines(ls ...string) []byte { return []byte(strings.Join(ls, "\n") + "\n") }

// summary shows a row as "row outcome detail": the changes of an update,
// the reason, params and fields of an error.
func summary(r service.ImportRow) string {
	s := fmt.Sprintf("%d %s %s", r.Row, r.Outcome, r.Name)
	if len(r.Changes) > 0 {
		s += fmt.Sprintf(" %v", r.Changes)
	}
	if r.Reason != "" {
		s += " " + r.Reason
	}
	for _, m := range []map[string]string{r.Params, r.Fields} {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			s += " " + k + "=" + m[k]
		}
	}
	return s
}

func TestImportPreviewOutcomes(t *testing.T) {
	for _, tc := range []struct {
		name string
		file []byte
		want []string
	}{
		{"new, updated and unchanged", lines(
			"姓名,手机,邮箱,城市,单位类别",
			"张三,+86 138-0000-0001,,南京,",
			"李四,,LS@Example.com,,",
			"王喆,13800000003,wz@example.com,北京,高校",
		), []string{"2 updated 张三 [city]", "3 unchanged 李四", "4 new 王喆"}},
		{"an empty cell keeps the roster's value", lines(
			"name,phone,city,org_category",
			"张三,13800000001,,",
		), []string{"2 unchanged 张三"}},
		{"categories by key in any case, by label, or in the seed's words", lines(
			"name,phone,org_category",
			"张三,13800000001,Vendor",
			"李四,13800000002,数据库与云厂商",
			"王喆,13800000003,数据库集成、支持服务商",
			"赵玥,13800000004,ISV",
			"钱多,13800000005,银行",
		), []string{"2 updated 张三 [org_category]", "3 updated 李四 [org_category]", "4 new 王喆", "5 new 赵玥",
			"6 error 钱多 fields value=银行 org_category=unknown_org_category"}},
		{"a matched row renames", lines(
			"姓名,邮箱",
			"张 三,zs@example.com",
		), []string{"2 updated 张 三 [name]"}},
		{"phone of one member, email of another", lines(
			"name,phone,email",
			"混合,13800000001,ls@example.com",
		), []string{"2 error 混合 import_contact_conflict email=ls@example.com email_member=李四 phone=13800000001 phone_member=张三"}},
		{"a name the certificate font lacks a character of", lines(
			"name,phone",
			"张𪚥,13900000009",
			"王𬌗,13900000008",
		), []string{"2 error 张𪚥 name_unprintable chars=𪚥 codes=U+2A6A5 field=name member=张𪚥", "3 new 王𬌗"}},
		{"one phone on two rows", lines(
			"name,phone",
			"新甲,13900000001",
			"新乙,139 0000 0001",
		), []string{"2 new 新甲", "3 error 新乙 import_duplicate_phone phone=13900000001 row=2"}},
		{"one email on two rows", lines(
			"name,email",
			"新甲,a@example.com",
			"",
			"新乙,A@example.com",
		), []string{"2 new 新甲", "4 error 新乙 import_duplicate_email email=a@example.com row=2"}},
		{"two rows about one member", lines(
			"name,phone,email",
			"张三,13800000001,",
			"张三,,zs@example.com",
		), []string{"2 unchanged 张三", "3 error 张三 import_same_member id=1 member=张三 row=2"}},
		{"no phone and no email", lines(
			"name,city",
			"无名,杭州",
		), []string{"2 error 无名 import_no_contact"}},
		{"invalid fields of a new row", lines(
			"name,phone,email,org_category,name_latin",
			"错号,12345,bad@,外星人,王",
		), []string{"2 error 错号 fields value=外星人 email=invalid_email name_latin=not_latin org_category=unknown_org_category phone=invalid_phone"}},
		{"invalid fields of an update", lines(
			"name,phone,name_latin",
			"张三,13800000001,张",
		), []string{"2 error 张三 [name_latin] fields name_latin=not_latin"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newImportFixture(t)
			report, err := f.importer.Preview("roster.csv", tc.file)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range report.Rows {
				got = append(got, summary(r))
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			counts := map[string]int{}
			for _, r := range report.Rows {
				counts[r.Outcome]++
			}
			if report.New != counts[service.ImportNew] || report.Updated != counts[service.ImportUpdated] ||
				report.Unchanged != counts[service.ImportUnchanged] || report.Errors != counts[service.ImportError] || report.Applied {
				t.Errorf("report counts %+v do not match rows %v", report, counts)
			}
		})
	}
}

func TestImportPreviewWritesNothing(t *testing.T) {
	f := newImportFixture(t)
	before, err := os.ReadFile(f.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	report, err := f.importer.Preview("roster.csv", lines("姓名,手机,城市", "张三,13800000001,南京", "王喆,13800000003,北京"))
	if err != nil || report.Updated != 1 || report.New != 1 {
		t.Fatalf("preview = %+v, %v", report, err)
	}
	after, _ := os.ReadFile(f.st.Path())
	if !bytes.Equal(before, after) {
		t.Error("the database file changed during a preview")
	}
	if backups, _ := filepath.Glob(f.st.Path() + ".before-import-*"); len(backups) != 0 {
		t.Errorf("a preview made backups %v", backups)
	}
}

func TestImportApplyWithABadRowWritesNothing(t *testing.T) {
	f := newImportFixture(t)
	before, _ := os.ReadFile(f.st.Path())
	report, err := f.importer.Apply("roster.csv", lines(
		"姓名,手机,城市",
		"张三,13800000001,南京",
		"王喆,13800000003,北京",
		"错号,12345,",
	))
	e := app.AsError(err)
	if e == nil || e.Code != app.CodeInvalid || e.Reason != "import_has_errors" || e.Params["errors"] != "1" || e.Params["rows"] != "3" {
		t.Fatalf("err = %+v, want import_has_errors with 1 of 3", e)
	}
	if report.Applied || report.Errors != 1 || report.Rows[2].Fields["phone"] != "invalid_phone" {
		t.Errorf("report = %+v", report)
	}
	after, _ := os.ReadFile(f.st.Path())
	if !bytes.Equal(before, after) {
		t.Error("the database file changed after a refused import")
	}
}

func TestImportApplyThenReimportIsUnchanged(t *testing.T) {
	f := newImportFixture(t)
	if _, err := f.svc.Settings.Save(app.Settings{Language: "zh-CN", Operator: "杭州组长"}); err != nil {
		t.Fatal(err)
	}
	file := lines(
		"姓名*,拼音,手机（必填）,邮箱,微信,单位,单位类别,城市,职务,地址",
		"张三,Zhang San,13800000001,,zs_wx,云象数据库,数据库与云厂商,南京,DBA,",
		"王喆,Wang Zhe,13800000003,wz@example.com,,某理工大学,高校,北京,副教授,北京市海淀区",
		"李四,,,ls@example.com,,,,,,",
	)
	report, err := f.importer.Apply("roster.csv", file)
	if err != nil {
		t.Fatal(err)
	}
	if !report.Applied || report.New != 1 || report.Updated != 1 || report.Unchanged != 1 || report.Errors != 0 {
		t.Fatalf("report = %+v", report)
	}
	if want := f.st.Path() + ".before-import-"; !strings.HasPrefix(report.Backup, want) {
		t.Errorf("backup = %q, want %s…", report.Backup, want)
	}
	if _, err := os.Stat(report.Backup); err != nil {
		t.Errorf("backup: %v", err)
	}
	zhang, _ := f.svc.Members.Get(f.zhang.ID)
	if zhang.City != "南京" || zhang.Email != "zs@example.com" || zhang.OrgCategory != "vendor" || zhang.NameLatin != "Zhang San" || zhang.Version != 2 {
		t.Errorf("张三 = %+v", zhang)
	}
	wang, err := f.svc.Members.Get(report.Rows[1].MemberID)
	if err != nil || wang.Name != "王喆" || wang.OrgCategory != "university" || wang.Address != "北京市海淀区" {
		t.Errorf("王喆 = %+v, %v", wang, err)
	}
	for _, tc := range []struct {
		id      uint64
		actions string
		actor   string
	}{{f.zhang.ID, "[create update]", "杭州组长"}, {wang.ID, "[create]", "杭州组长"}, {f.li.ID, "[create]", "lead"}} {
		hist, _ := f.svc.Members.History(tc.id)
		var actions []string
		for _, h := range hist {
			actions = append(actions, h.Action)
		}
		if fmt.Sprint(actions) != tc.actions || hist[len(hist)-1].Actor != tc.actor {
			t.Errorf("history of %d = %v by %s, want %s by %s", tc.id, actions, hist[len(hist)-1].Actor, tc.actions, tc.actor)
		}
	}

	again, err := f.importer.Apply("roster.csv", file)
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 3 || again.New+again.Updated+again.Errors != 0 || again.Backup != "" || !again.Applied {
		t.Errorf("re-import = %+v, want all unchanged", again)
	}
	if n, _ := f.st.CountMembers(); n != 3 {
		t.Errorf("members = %d, want 3", n)
	}
}

func TestImportXLSX(t *testing.T) {
	f := newImportFixture(t)
	x := excelize.NewFile()
	defer x.Close()
	// A phone typed as a number, as happens in Excel.
	for ref, v := range map[string]any{"A1": "姓名", "B1": "手机号", "C1": "单位类别", "A2": "赵玥", "B2": 13800000004, "C2": "培训机构", "A4": "张三", "B4": 13800000001} {
		if err := x.SetCellValue("Sheet1", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	report, err := f.importer.Apply("名单.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range report.Rows {
		got = append(got, summary(r))
	}
	if want := "[2 new 赵玥 4 unchanged 张三]"; fmt.Sprint(got) != want {
		t.Errorf("rows = %v, want %s", got, want)
	}
	zhao, _ := f.svc.Members.Get(report.Rows[0].MemberID)
	if zhao.Phone != "13800000004" || zhao.OrgCategory != "training" {
		t.Errorf("赵玥 = %+v", zhao)
	}
}

func TestImportRefusesFilesThatAreNotRosters(t *testing.T) {
	for _, tc := range []struct {
		name   string
		data   []byte
		reason string
		params map[string]string
	}{
		{"misspelt column", lines("姓名,手机,nmae"), "import_unknown_column", map[string]string{"columns": "nmae"}},
		{"no name column", lines("手机", "13800000009"), "import_missing_column", map[string]string{"columns": "name"}},
		{"a column twice", lines("姓名,name"), "import_duplicate_column", map[string]string{"columns": "name"}},
		{"empty file", nil, "import_no_header", nil},
		{"old Excel workbook", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an .xls"), "import_legacy_format", nil},
		{"too large", make([]byte, 21<<20), "import_too_large", map[string]string{"max_mb": "20", "max_rows": "100000"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newImportFixture(t)
			for _, op := range []func(string, []byte) (service.ImportReport, error){f.importer.Preview, f.importer.Apply} {
				_, err := op("roster.csv", tc.data)
				e := app.AsError(err)
				if e == nil || e.Code != app.CodeInvalid || e.Reason != tc.reason || e.Params["file"] != "roster.csv" {
					t.Fatalf("err = %+v, want %s", e, tc.reason)
				}
				for k, v := range tc.params {
					if e.Params[k] != v {
						t.Errorf("params = %v, want %s=%s", e.Params, k, v)
					}
				}
			}
		})
	}
}

// BenchmarkMemberImport10k imports 10,000 generated members into an empty
// database, then the same file again (all unchanged).
func BenchmarkMemberImport10k(b *testing.B) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"name", "name_latin", "phone", "email", "wechat", "organization", "org_category", "city", "title", "address"})
	for _, m := range demo.Members(10000, 7) {
		w.Write([]string{m.Name, m.NameLatin, m.Phone, m.Email, m.WeChat, m.Organization, m.OrgCategory, m.City, m.Title, m.Address})
	}
	w.Flush()
	file := buf.Bytes()
	b.Run("into an empty store", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			st, err := store.Open(filepath.Join(b.TempDir(), "acedesk.db"), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			svc := service.New(st, app.SystemClock{}, "lead", wired.Ports())
			importer := service.NewMemberImportService(st, svc.Settings, wired.Ports())
			b.StartTimer()
			report, err := importer.Apply("roster.csv", file)
			if err != nil || report.New != 10000 {
				b.Fatalf("report %d new, %d errors: %v", report.New, report.Errors, err)
			}
			b.StopTimer()
			st.Close()
			b.StartTimer()
		}
	})
	b.Run("again, all unchanged", func(b *testing.B) {
		st, err := store.Open(filepath.Join(b.TempDir(), "acedesk.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		svc := service.New(st, app.SystemClock{}, "lead", wired.Ports())
		importer := service.NewMemberImportService(st, svc.Settings, wired.Ports())
		if _, err := importer.Apply("roster.csv", file); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			report, err := importer.Apply("roster.csv", file)
			if err != nil || report.Unchanged != 10000 {
				b.Fatalf("report %d unchanged: %v", report.Unchanged, err)
			}
		}
	})
}
