package service_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/service"

	"github.com/xuri/excelize/v2"
)

// Every workbook ACE Desk writes (the export, a trophy list, each benefit
// list, a merge's conflicts) opens in LibreOffice as it is, and LibreOffice
// shows in each sheet the cells excelize reads: a file it had to repair, or
// read otherwise, would differ. The files hold what is hardest to keep:
// Chinese, a name and a bio a spreadsheet would take for formulas, a line
// break inside a cell, numbers written as numbers.
func TestEveryWorkbookOpensInLibreOfficeAsWritten(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("LibreOffice (soffice) is needed to open the workbooks: make deps-test installs it (Debian: libreoffice-calc-nogui)")
	}
	p, _ := exportProgram(t)
	var export bytes.Buffer
	if err := p.svc.Exporter.Write(context.Background(), &export, service.ExportOptions{Format: "xlsx", Year: 2026}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{"export": export.Bytes()}
	if files["trophies"], err = p.svc.Trophies.XLSX("2025-Q2"); err != nil {
		t.Fatal(err)
	}
	for _, list := range []string{service.ListImageWall, service.ListAdvisory} {
		if files[list], err = p.svc.Benefits.XLSX(list, 2025); err != nil {
			t.Fatal(err)
		}
	}
	conflicts := filepath.Join(dir, "conflicts.xlsx")
	merge := app.MergeResult{Conflicts: []app.MergeConflict{{Bundle: "杭州.acebundle", Chapter: "HZ", Kind: "member", SourceID: "7",
		Reason: app.ConflictNameDiffers, Field: "phone", Incoming: "=欧阳哲", Existing: "欧阳喆", ExistingID: "1"}}}
	if err := service.WriteConflictsXLSX(p.svc.Bundles, conflicts, []app.MergeResult{merge}); err != nil {
		t.Fatal(err)
	}
	if files["conflicts"], err = os.ReadFile(conflicts); err != nil {
		t.Fatal(err)
	}

	var paths []string
	for name, data := range files {
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	// One LibreOffice for every file, with a profile of its own; each sheet
	// becomes <file>-<sheet>.csv (the filter's last option, -1).
	out, profile := filepath.Join(dir, "csv"), filepath.Join(dir, "profile")
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out}, paths...)
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	if log, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, log)
	}

	for name, data := range files {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, sheet := range f.GetSheetList() {
			want, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			got := readCSV(t, filepath.Join(out, name+"-"+sheet+".csv"))
			if !slices.EqualFunc(trimRows(got), trimRows(want), slices.Equal) {
				t.Errorf("%s, sheet %s: LibreOffice shows\n%q\nexcelize reads\n%q", name, sheet, got, want)
			}
		}
		f.Close()
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("LibreOffice wrote no %s: %v", filepath.Base(path), err)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// trimRows drops the empty cells at the end of each row, and empty rows at
// the end: LibreOffice writes a sheet's whole used range, excelize reads a
// row up to its last cell.
func trimRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		n := len(r)
		for n > 0 && strings.TrimSpace(r[n-1]) == "" {
			n--
		}
		out[i] = r[:n]
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out
}
