package service_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/service"

	"github.com/xuri/excelize/v2"
)

// exportProgram has a published batch with a certificate and a trophy, and
// a member whose name and bio a spreadsheet would read as formulas.
func exportProgram(t *testing.T) (*program, app.Member) {
	t.Helper()
	p := newProgram(t)
	publishedBatch(t, p, "欧阳喆", "Ouyang Zhe")
	if _, err := p.svc.Certificates.ForBatch("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	evil, err := p.svc.Members.Create(app.Member{Name: "=HYPERLINK(\"http://x\")", City: "上海", Bio: "-1+2\n第二行"})
	if err != nil {
		t.Fatal(err)
	}
	p.approved(evil.ID, "article", "2026-01-03")
	return p, evil
}

var exportSheets = []string{"成员", "贡献", "积分与级别", "批次", "证书", "奖杯"}

func TestExportWorkbookHasASheetPerTableWithChineseHeaders(t *testing.T) {
	p, _ := exportProgram(t)
	var buf bytes.Buffer
	if err := p.svc.Exporter.Write(context.Background(), &buf, service.ExportOptions{Format: "xlsx", Year: 2026}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(exportSheets, ",") {
		t.Errorf("sheets = %v, want %v", got, exportSheets)
	}
	for _, tc := range []struct {
		sheet  string
		header []string
		rows   int
	}{
		{"成员", []string{"编号", "姓名", "拼音/英文名"}, 2},
		{"贡献", []string{"编号", "成员编号", "类型", "日期"}, 2},
		{"积分与级别", []string{"年度", "成员编号", "姓名"}, 1},
		{"批次", []string{"批次", "成员编号"}, 1},
		{"证书", []string{"证书编号", "类型"}, 1},
		{"奖杯", []string{"批次", "成员编号", "姓名", "级别", "刻字内容"}, 1},
	} {
		rows, err := f.GetRows(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != tc.rows+1 {
			t.Errorf("%s: %d rows, want a header and %d", tc.sheet, len(rows), tc.rows)
			continue
		}
		if got := rows[0][:len(tc.header)]; strings.Join(got, ",") != strings.Join(tc.header, ",") {
			t.Errorf("%s header = %v, want %v", tc.sheet, got, tc.header)
		}
	}
	if v, _ := f.GetCellValue("成员", "B3"); v != "'=HYPERLINK(\"http://x\")" {
		t.Errorf("formula-like name = %q, want it neutralized", v)
	}
	if v, _ := f.GetCellValue("成员", "L3"); v != "'-1+2\n第二行" {
		t.Errorf("formula-like bio = %q, want it neutralized", v)
	}
	if typ, _ := f.GetCellType("成员", "A2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("member ID cell type = %v, want a number", typ)
	}
	if formula, _ := f.GetCellFormula("成员", "B3"); formula != "" {
		t.Errorf("B3 holds a formula: %q", formula)
	}
}

func TestExportCSVZipHasOneBOMFilePerTable(t *testing.T) {
	p, _ := exportProgram(t)
	trophies, _ := p.svc.Trophies.ForBatch("2025-Q2")
	ordered := trophies[0]
	ordered.Status = "ordered"
	if _, err := p.svc.Trophies.Update(ordered); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.svc.Exporter.Write(context.Background(), &buf, service.ExportOptions{Format: "csv", Year: 2026}); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"members.csv": 2, "contributions.csv": 2, "standings.csv": 1, "batches.csv": 1, "certificates.csv": 1, "trophies.csv": 1}
	if len(z.File) != len(want) {
		t.Errorf("%d files, want %d", len(z.File), len(want))
	}
	tables := map[string][][]string{}
	for _, zf := range z.File {
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		r.Close()
		if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
			t.Errorf("%s has no UTF-8 BOM", zf.Name)
		}
		recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		if len(recs) != want[zf.Name]+1 {
			t.Errorf("%s: %d records, want a header and %d", zf.Name, len(recs), want[zf.Name])
		}
		tables[zf.Name] = recs
	}
	members := tables["members.csv"]
	if len(members) != 3 || members[0][0] != "编号" || members[0][1] != "姓名" {
		t.Fatalf("members.csv = %q", members)
	}
	if got := members[2][1]; got != "'=HYPERLINK(\"http://x\")" {
		t.Errorf("formula-like name = %q, want it neutralized", got)
	}
	if got := members[2][11]; got != "'-1+2\n第二行" {
		t.Errorf("bio = %q, want it neutralized with its line break kept", got)
	}
	if got := tables["trophies.csv"][1]; got[0] != "2025-Q2" || got[len(got)-1] != "ordered" {
		t.Errorf("trophy row = %q, want the saved order's status", got)
	}
}

func TestExportStopsWhenCancelled(t *testing.T) {
	p, _ := exportProgram(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if err := p.svc.Exporter.Write(ctx, &buf, service.ExportOptions{Format: "sql", Year: 2026}); !errors.Is(err, context.Canceled) || buf.Len() != 0 {
		t.Errorf("err = %v, %d bytes written; want context.Canceled and nothing", err, buf.Len())
	}
}

func TestExportJobMakesTheFileAndRefusesBadOptions(t *testing.T) {
	p, _ := exportProgram(t)
	for _, tc := range []struct {
		opt    service.ExportOptions
		reason string
	}{
		{service.ExportOptions{Format: "docx"}, "export_format"},
		{service.ExportOptions{Format: "sql", Year: 1999}, "invalid_year"},
	} {
		if _, err := p.svc.Export.Start(tc.opt); reasonOf(err) != tc.reason {
			t.Errorf("%+v: err = %v, want %s", tc.opt, err, tc.reason)
		}
	}
	id, err := p.svc.Export.Start(service.ExportOptions{Format: "sql"})
	if err != nil {
		t.Fatal(err)
	}
	st := waitExport(t, p.svc.Jobs, id)
	if st.State != service.JobDone || st.Done != st.Total || st.Total == 0 {
		t.Fatalf("job = %+v", st)
	}
	res, err := p.svc.Jobs.Result(id)
	if err != nil {
		t.Fatal(err)
	}
	if res.Name != "acedesk-20260105.sql" || !bytes.Contains(res.Data, []byte("COPY acedesk_stage_members")) {
		t.Errorf("result %s: %.200s", res.Name, res.Data)
	}
	// The standings default to the clock's year: the 2026 article counts.
	if !bytes.Contains(res.Data, []byte("COPY acedesk_stage_standings (")) || !bytes.Contains(res.Data, []byte("\n2026\t")) {
		t.Errorf("no 2026 standings in the script")
	}
}

// waitExport polls until the job ends; it ends on its own.
func waitExport(t *testing.T, s *service.JobService, id string) service.JobStatus {
	t.Helper()
	for {
		st, err := s.Status(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.State != service.JobRunning {
			return st
		}
	}
}
