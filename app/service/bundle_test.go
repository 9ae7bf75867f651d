package service_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/bundle"
	"acedesk/app/bundle/bundletest"
	"acedesk/app/service"

	"github.com/xuri/excelize/v2"
)

// chapter is a program whose certificate setup names it code, so it can
// export bundles.
func chapter(t *testing.T, code string) *program {
	t.Helper()
	p := newProgram(t)
	setup, err := p.svc.Certificates.Setup()
	if err != nil {
		t.Fatal(err)
	}
	setup.ChapterCode, setup.IssuerZH = code, "PostgreSQL 中文社区 "+code+" 分会"
	if _, err := p.svc.Certificates.SaveSetup(setup); err != nil {
		t.Fatal(err)
	}
	return p
}

// demoChapter is a chapter with a year of demo life, issued and revoked
// certificates and a trophy order: every data file has records.
func demoChapter(t *testing.T, code string, members int) *program {
	t.Helper()
	p := chapter(t, code)
	p.on("2026-11-23")
	if _, err := p.svc.System.LoadDemo(members); err != nil {
		t.Fatal(err)
	}
	certs, err := p.svc.Certificates.ForBatch("2025-Q4")
	if err != nil || len(certs) < 2 {
		t.Fatalf("ForBatch = %d certificates, %v", len(certs), err)
	}
	if _, err := p.svc.Certificates.Revoke(certs[0].Serial, "名字印错"); err != nil {
		t.Fatal(err)
	}
	trophies, err := p.svc.Trophies.ForBatch("2025-Q4")
	if err != nil || len(trophies) == 0 {
		t.Fatalf("trophies = %d, %v", len(trophies), err)
	}
	tr := trophies[0]
	tr.Engraving, tr.Status = "PostgreSQL ACE 2025", "ordered"
	if _, err := p.svc.Trophies.Update(tr); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *program) export(changes bool) (string, app.BundleManifest) {
	p.t.Helper()
	path := filepath.Join(p.t.TempDir(), "chapter.acebundle")
	m, err := service.ExportBundleFile(p.svc.Bundles, path, changes)
	if err != nil {
		p.t.Fatal(err)
	}
	return path, m
}

func (p *program) merge(path string, acceptKey bool) (app.MergeResult, error) {
	p.t.Helper()
	b, err := service.OpenBundle(p.svc.Bundles, path)
	if err != nil {
		p.t.Fatal(err)
	}
	return service.MergeVerified(context.Background(), p.svc.Bundles, b, acceptKey, nil)
}

// mustMerge merges the bundle at path as an operator would: a chapter
// merged for the first time is refused until its key is confirmed, and is
// then merged with the confirmation. Another key for a known chapter is
// not confirmed here.
func (p *program) mustMerge(path string) app.MergeResult {
	p.t.Helper()
	r, err := p.merge(path, false)
	if reasonOf(err) == "bundle_key_unconfirmed" {
		r, err = p.merge(path, true)
	}
	if err != nil {
		p.t.Fatal(err)
	}
	return r
}

// bundleLines is each data file's JSON lines.
func bundleLines(t *testing.T, path string) map[string][]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]string{}
	for _, f := range zr.File {
		if filepath.Ext(f.Name) != ".jsonl" {
			continue
		}
		rc, _ := f.Open()
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		out[f.Name] = []string{}
		for l := range bytes.Lines(buf.Bytes()) {
			out[f.Name] = append(out[f.Name], string(l))
		}
	}
	return out
}

func counts(r app.MergeResult) map[string]app.MergeCount {
	out := map[string]app.MergeCount{}
	for _, c := range r.Counts {
		out[c.Kind] = c
	}
	return out
}

func TestBundleRoundTripThroughAnEmptyHeadquarters(t *testing.T) {
	a := demoChapter(t, "HZ", 120)
	path, m := a.export(false)
	if m.Kind != app.BundleFull || m.Chapter.ID != "HZ" || m.Files["members.jsonl"].Rows != 120 {
		t.Fatalf("manifest = %+v", m)
	}
	hq := chapter(t, "HQ")
	r := hq.mustMerge(path)
	if !r.NewChapter || len(r.Conflicts) != 0 {
		t.Fatalf("merge = %+v", r)
	}
	again, _ := hq.export(false)
	want, got := bundleLines(t, path), bundleLines(t, again)
	// Headquarters keeps the chapter's batches, trophy orders and audit
	// apart (their keys are per chapter); the rest is in its own records.
	// Deletions come from the audit, which merged records have none of
	// at headquarters (TestDeletionsReachHeadquarters covers them).
	for _, name := range bundle.BundleFileNames() {
		switch name {
		case "batches.jsonl", "trophies.jsonl", "audit.jsonl", "deletions.jsonl":
			continue
		}
		if len(want[name]) == 0 {
			t.Errorf("%s: the chapter exported nothing, the test proves nothing", name)
		}
		if !slices.Equal(got[name], want[name]) {
			t.Errorf("%s: %d lines after the round trip, want the chapter's %d, identical", name, len(got[name]), len(want[name]))
		}
	}
	for file, name := range map[string]string{"batches": "batches.jsonl", "trophies": "trophies.jsonl", "audit": "audit.jsonl"} {
		kept, err := hq.st.ChapterRecords("HZ", file)
		if err != nil {
			t.Fatal(err)
		}
		var gotLines []string
		for _, k := range kept {
			gotLines = append(gotLines, string(k)+"\n")
		}
		if !sameSet(gotLines, want[name]) || len(want[name]) == 0 {
			t.Errorf("%s kept for HZ: %d records, want the chapter's %d", file, len(gotLines), len(want[name]))
		}
	}
	// Standings at headquarters are the chapter's.
	wantRows, _ := a.svc.Standings.ForYear(2026)
	gotRows, _ := hq.svc.Standings.ForYear(2026)
	if len(gotRows) == 0 || !reflect.DeepEqual(gotRows, wantRows) {
		t.Errorf("standings at headquarters: %d rows, want the chapter's %d, equal", len(gotRows), len(wantRows))
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestMergingTheSameBundleTwiceChangesNothing(t *testing.T) {
	a := demoChapter(t, "HZ", 60)
	path, _ := a.export(false)
	hq := chapter(t, "HQ")
	first := hq.mustMerge(path)
	before, _, upTo, err := hq.st.BundleRecords(false)
	if err != nil {
		t.Fatal(err)
	}
	second := hq.mustMerge(path)
	after, _, upToAfter, _ := hq.st.BundleRecords(false)
	if second.Changed || second.NewChapter || second.Linked != 0 {
		t.Errorf("second merge = %+v, want no change", second)
	}
	for _, c := range second.Counts {
		if c.Added+c.Updated != 0 || c.Unchanged != counts(first)[c.Kind].Added {
			t.Errorf("second merge %s = %+v, want everything the first added unchanged", c.Kind, c)
		}
	}
	if upToAfter != upTo || !reflect.DeepEqual(before, after) {
		t.Error("the second merge changed the database")
	}
	audit, err := hq.st.AuditFor("bundle", 0)
	if err != nil || len(audit) != 1 || audit[0].Action != "merge" || !bytes.Contains(audit[0].After, []byte(`"HZ"`)) {
		t.Errorf("merge audit = %+v, %v; want the first merge only", audit, err)
	}
}

// TestABundleMergedTwiceInMemoryIsLeftAsRead: a merge renumbers the records
// it places, nested lists (group leads, event talks) included, on its own
// copies: the same bundle merged again, without reading it again, changes
// nothing.
func TestABundleMergedTwiceInMemoryIsLeftAsRead(t *testing.T) {
	hzPath, _ := demoChapter(t, "HZ", 40).export(false)
	shPath, _ := demoChapter(t, "SH", 40).export(false)
	hq := chapter(t, "HQ")
	hq.mustMerge(hzPath)
	b, err := service.OpenBundle(hq.svc.Bundles, shPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Load(); err != nil {
		t.Fatal(err)
	}
	if err := b.Finish(); err != nil {
		t.Fatal(err)
	}
	read := b.Data
	read.Groups, read.Events = slices.Clone(b.Data.Groups), slices.Clone(b.Data.Events)
	for i := range read.Groups {
		read.Groups[i].Terms = slices.Clone(read.Groups[i].Terms)
	}
	for i := range read.Events {
		read.Events[i].Talks = slices.Clone(read.Events[i].Talks)
	}
	first, err := service.MergeVerified(context.Background(), hq.svc.Bundles, b, true, nil)
	if err != nil || counts(first)["group"].Added == 0 || counts(first)["event"].Added == 0 {
		t.Fatalf("first merge = %+v, %v; want groups and events added", first.Counts, err)
	}
	if !reflect.DeepEqual(b.Data.Groups, read.Groups) || !reflect.DeepEqual(b.Data.Events, read.Events) {
		t.Error("the merge changed the bundle's groups or events")
	}
	second, err := service.MergeVerified(context.Background(), hq.svc.Bundles, b, false, nil)
	if err != nil || second.Changed || len(second.Conflicts) != 0 {
		t.Errorf("second merge of the same bundle = %+v, %d conflicts, %v; want no change", second.Counts, len(second.Conflicts), err)
	}
}

func TestOnePersonInTwoChaptersBecomesOneMember(t *testing.T) {
	hz, sh := chapter(t, "HZ"), chapter(t, "SH")
	hz.on("2026-03-01")
	sh.on("2026-03-01")
	both := app.Member{Name: "欧阳喆", NameLatin: "Ouyang Zhe", Phone: "13800000001", City: "杭州"}
	m1, _ := hz.svc.Members.Create(both)
	both.City, both.Email = "上海", "zhe@example.com"
	m2, _ := sh.svc.Members.Create(both)
	other, _ := sh.svc.Members.Create(app.Member{Name: "林雪", Phone: "13800000002", City: "上海"})
	hz.approved(m1.ID, "talk_conference", "2026-02-01")
	sh.approved(m2.ID, "article", "2026-02-02")
	sh.approved(other.ID, "article", "2026-02-03")
	hzPath, _ := hz.export(false)
	shPath, _ := sh.export(false)

	hq := chapter(t, "HQ")
	hq.mustMerge(hzPath)
	r := hq.mustMerge(shPath)
	if r.Linked != 1 || counts(r)["member"].Added != 1 || len(r.Conflicts) != 0 {
		t.Fatalf("SH merge = %+v, want 1 linked, 1 added", r)
	}
	n, _ := hq.svc.Members.Search(app.MemberQuery{Limit: 10})
	if n.Total != 2 {
		t.Fatalf("members at headquarters = %d, want 2", n.Total)
	}
	zhe, err := hq.svc.Members.ByPhone("13800000001")
	if err != nil {
		t.Fatal(err)
	}
	if zhe.City != "杭州" {
		t.Errorf("the one member = %+v, want the record first merged (HZ) kept", zhe)
	}
	contribs, _ := hq.svc.Contributions.ForMember(zhe.ID)
	if len(contribs) != 2 {
		t.Errorf("the one member has %d contributions, want both chapters' 2", len(contribs))
	}
	hzRow, shRow, hqRow := hz.standing(2026, m1.ID), sh.standing(2026, m2.ID), hq.standing(2026, zhe.ID)
	if hqRow.Points != hzRow.Points+shRow.Points || hqRow.Points == 0 {
		t.Errorf("points at headquarters = %d, want HZ %d + SH %d", hqRow.Points, hzRow.Points, shRow.Points)
	}
	chapters, _ := hq.svc.Bundles.MergedChapters()
	if len(chapters) != 2 || chapters[0].Chapter.ID != "HZ" || chapters[1].Chapter.ID != "SH" {
		t.Errorf("merged chapters = %+v", chapters)
	}
}

func TestConflictsAreListedNotResolved(t *testing.T) {
	hz, sh := chapter(t, "HZ"), chapter(t, "SH")
	hz.on("2026-03-01")
	sh.on("2026-03-01")
	hz.svc.Members.Create(app.Member{Name: "欧阳喆", Phone: "13800000001", City: "杭州"})
	imposter, _ := sh.svc.Members.Create(app.Member{Name: "欧阳哲", Phone: "13800000001", City: "上海"})
	sh.approved(imposter.ID, "article", "2026-02-02")
	hzPath, _ := hz.export(false)
	shPath, _ := sh.export(false)
	hq := chapter(t, "HQ")
	hq.mustMerge(hzPath)
	r := hq.mustMerge(shPath)
	want := []app.MergeConflict{{Bundle: "chapter.acebundle", Chapter: "SH", Kind: "member", SourceID: "1", Reason: app.ConflictNameDiffers,
		Field: "phone", Incoming: "欧阳哲", Existing: "欧阳喆", ExistingID: "1"}}
	if !reflect.DeepEqual(r.Conflicts, want) {
		t.Errorf("conflicts = %+v, want %+v", r.Conflicts, want)
	}
	if c := counts(r); c["member"].HeldBack != 1 || c["contribution"].HeldBack != 1 || c["contribution"].Added != 0 {
		t.Errorf("counts = %+v, want the member and their contribution held back", r.Counts)
	}
	kept, _ := hq.svc.Members.ByPhone("13800000001")
	if kept.Name != "欧阳喆" {
		t.Errorf("member = %+v, want untouched", kept)
	}
	xlsx := filepath.Join(t.TempDir(), "conflicts.xlsx")
	if err := service.WriteConflictsXLSX(hq.svc.Bundles, xlsx, []app.MergeResult{r}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetName(0))
	if len(rows) != 2 || !slices.Contains(rows[1], "欧阳哲") || !slices.Contains(rows[1], app.ConflictNameDiffers) {
		t.Errorf("conflicts sheet = %v, want a header and the one conflict", rows)
	}
	if st, _ := os.Stat(xlsx); st.Mode().Perm() != 0o600 {
		t.Errorf("conflicts file mode = %v, want 0600", st.Mode().Perm())
	}
}

func TestAKnownChapterWithAnotherKeyNeedsConfirmation(t *testing.T) {
	hz := chapter(t, "HZ")
	hz.member("欧阳喆")
	first, _ := hz.export(false)
	impostor := chapter(t, "HZ")
	impostor.member("林雪")
	second, _ := impostor.export(false)
	hq := chapter(t, "HQ")
	hq.mustMerge(first)
	before, _, _, _ := hq.st.BundleRecords(false)
	_, err := hq.merge(second, false)
	if reasonOf(err) != "bundle_key_changed" || app.AsError(err).Params["chapter"] != "HZ" {
		t.Fatalf("merge with another key = %v, want bundle_key_changed", err)
	}
	after, _, _, _ := hq.st.BundleRecords(false)
	if !reflect.DeepEqual(before, after) {
		t.Error("a refused key changed the database")
	}
	// Accepted, the key is the chapter's: its member 1 is the same record.
	r, err := hq.merge(second, true)
	if err != nil || !r.KeyChanged || counts(r)["member"].Updated != 1 {
		t.Fatalf("accepted merge = %+v, %v", r, err)
	}
	own, _ := hq.export(false)
	if _, err := hq.merge(own, false); reasonOf(err) != "bundle_own_chapter" {
		t.Errorf("merging its own bundle = %v, want bundle_own_chapter", err)
	}
}

func TestChangesBundleCarriesOnlyWhatChanged(t *testing.T) {
	hz := chapter(t, "HZ")
	hz.on("2026-03-01")
	a, b := hz.member("欧阳喆"), hz.member("林雪")
	hz.approved(a.ID, "article", "2026-02-01")
	full, _ := hz.export(false)
	hq := chapter(t, "HQ")
	hq.mustMerge(full)

	b.Title = "DBA"
	if _, err := hz.svc.Members.Update(b); err != nil {
		t.Fatal(err)
	}
	added := hz.approved(b.ID, "talk_conference", "2026-02-05")
	changes, m := hz.export(true)
	got := bundleLines(t, changes)
	if m.Kind != app.BundleChanges || m.Since == 0 || len(got["members.jsonl"]) != 1 || len(got["contributions.jsonl"]) != 1 {
		t.Fatalf("changes bundle: %+v, members %v, contributions %v", m, got["members.jsonl"], got["contributions.jsonl"])
	}
	r := hq.mustMerge(changes)
	if c := counts(r); c["member"].Updated != 1 || c["contribution"].Added != 1 || c["contribution"].HeldBack != 0 {
		t.Errorf("changes merge = %+v", r.Counts)
	}
	if row := hq.standing(2026, b.ID); row.Points != hz.standing(2026, b.ID).Points || row.Points == 0 {
		t.Errorf("HQ points of %s = %d, want the chapter's", b.Name, row.Points)
	}
	if c, _ := hq.st.GetContribution(added.ID); c.MemberID != b.ID {
		t.Errorf("merged contribution = %+v", c)
	}
	empty, _ := hz.export(true)
	if n := len(bundleLines(t, empty)["members.jsonl"]); n != 0 {
		t.Errorf("a changes bundle right after an export has %d members, want 0", n)
	}
}

func TestExportNeedsTheChaptersOwnCode(t *testing.T) {
	p := newUnsetProgram(t)
	_, err := service.ExportBundleFile(p.svc.Bundles, filepath.Join(t.TempDir(), "x.acebundle"), false)
	if reasonOf(err) != "bundle_no_chapter_code" {
		t.Errorf("export without a chapter code = %v", err)
	}
}

// TestAMergeWaitsForTheAuditAndKeepsNothingWhenItFails: a bundle's audit
// is still being checked while its records are placed; a damaged audit
// refuses the bundle, naming the file, after those records were placed,
// and the merge leaves headquarters as it was, from the command line's
// path and the UI's alike.
func TestAMergeWaitsForTheAuditAndKeepsNothingWhenItFails(t *testing.T) {
	hzPath, _ := demoChapter(t, "HZ", 40).export(false)
	shPath, _ := demoChapter(t, "SH", 40).export(false)
	good, err := os.ReadFile(shPath)
	if err != nil {
		t.Fatal(err)
	}
	resign := bundletest.Resigner(t)
	for _, tc := range []struct {
		name   string
		damage func(files map[string][]byte)
		reason string
	}{
		{"an edited audit line", func(f map[string][]byte) {
			f["audit.jsonl"] = bytes.Replace(f["audit.jsonl"], []byte(`"create"`), []byte(`"update"`), 1)
		}, bundle.BundleHashMismatch},
		{"a last audit line that is not JSON, signed", func(f map[string][]byte) {
			f["audit.jsonl"] = append(f["audit.jsonl"], "{\"id\":999999,\"action\":}\n"...)
			var m map[string]any
			json.Unmarshal(f[bundle.BundleManifestFile], &m)
			info := m["files"].(map[string]any)["audit.jsonl"].(map[string]any)
			info["rows"], info["sha256"] = info["rows"].(float64)+1, bundletest.SHA(string(f["audit.jsonl"]))
			pub := bundletest.Key.Public().(ed25519.PublicKey)
			id := app.KeyID(pub)
			m["public_key"], m["key_id"] = base64.StdEncoding.EncodeToString(pub), hex.EncodeToString(id[:])
			resign(f, m)
		}, bundle.BundleBadEncoding},
	} {
		damaged := bundletest.Rewrite(t, good, tc.damage)
		for _, via := range []string{"command line", "UI"} {
			hq := chapter(t, "HQ")
			hq.mustMerge(hzPath)
			before, _, upTo, err := hq.st.BundleRecords(false)
			if err != nil {
				t.Fatal(err)
			}
			var got *app.Error
			if via == "command line" {
				path := filepath.Join(t.TempDir(), "sh.acebundle")
				if err := os.WriteFile(path, damaged, 0o600); err != nil {
					t.Fatal(err)
				}
				b, err := service.OpenBundle(hq.svc.Bundles, path)
				if err == nil {
					_, err = service.MergeVerified(context.Background(), hq.svc.Bundles, b, true, nil)
				}
				got = app.AsError(err)
			} else {
				id, err := hq.svc.Bundles.StartMerge([]service.BundleUpload{{Name: "sh.acebundle", Data: damaged}}, []string{"SH"})
				if err != nil {
					t.Fatal(err)
				}
				finished(t, hq.svc.Jobs, id)
				out, err := hq.svc.Bundles.MergeOutcomes(id)
				if err != nil || len(out) != 1 {
					t.Fatalf("%s via the %s: outcomes %+v, %v", tc.name, via, out, err)
				}
				got = out[0].Error
			}
			if got == nil || got.Reason != tc.reason || got.Params["file"] != "audit.jsonl" || got.Params["bundle"] != "sh.acebundle" {
				t.Errorf("%s via the %s: error %+v, want %s naming audit.jsonl of sh.acebundle", tc.name, via, got, tc.reason)
			}
			after, _, upToAfter, err := hq.st.BundleRecords(false)
			if err != nil {
				t.Fatal(err)
			}
			chapters, _ := hq.svc.Bundles.MergedChapters()
			if upToAfter != upTo || !reflect.DeepEqual(before, after) || len(chapters) != 1 {
				t.Errorf("%s via the %s: the refused merge changed headquarters (%d chapters)", tc.name, via, len(chapters))
			}
		}
	}
}

// finished polls a job until it ends; jobs here end on their own.
func finished(t *testing.T, jobs *service.JobService, id string) service.JobStatus {
	t.Helper()
	for {
		st, err := jobs.Status(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.State != service.JobRunning {
			return st
		}
		runtime.Gosched()
	}
}

func TestExportAndMergeJobsForTheUI(t *testing.T) {
	hz := chapter(t, "HZ")
	hz.member("欧阳喆")
	id, _ := hz.svc.Bundles.StartExport(false)
	if st := finished(t, hz.svc.Jobs, id); st.State != service.JobDone || st.Done != 1 || st.Total != 1 {
		t.Fatalf("export job = %+v", st)
	}
	file, err := hz.svc.Bundles.ExportResult(id)
	if err != nil || filepath.Ext(file.Name) != ".acebundle" {
		t.Fatalf("export result = %q, %v", file.Name, err)
	}
	hz.member("林雪")
	changes, _ := hz.svc.Bundles.StartExport(true)
	finished(t, hz.svc.Jobs, changes)
	changed, _ := hz.svc.Bundles.ExportResult(changes)
	b, err := bundle.ReadBundle(bytes.NewReader(changed.Data), int64(len(changed.Data)), changed.Name)
	if err != nil || len(b.Data.Members) != 1 || b.Data.Members[0].Name != "林雪" {
		t.Fatalf("changes after the handed-over export = %+v, %v; want only 林雪", b, err)
	}

	impostor := chapter(t, "HZ")
	impostor.member("王伟")
	other, _ := impostor.svc.Bundles.StartExport(false)
	finished(t, impostor.svc.Jobs, other)
	otherFile, _ := impostor.svc.Bundles.ExportResult(other)

	hq := chapter(t, "HQ")
	broken := service.BundleUpload{Name: "broken.acebundle", Data: file.Data[:len(file.Data)/2]}
	run := func(files []service.BundleUpload, accept []string) []service.MergeOutcome {
		t.Helper()
		id, err := hq.svc.Bundles.StartMerge(files, accept)
		if err != nil {
			t.Fatal(err)
		}
		if st := finished(t, hq.svc.Jobs, id); st.State != service.JobDone || st.Done != st.Total {
			t.Fatalf("merge job = %+v", st)
		}
		out, err := hq.svc.Bundles.MergeOutcomes(id)
		if err != nil {
			t.Fatal(err)
		}
		if x, err := hq.svc.Bundles.ConflictsFile(id); err != nil || len(x.Data) == 0 {
			t.Errorf("conflicts file = %d bytes, %v", len(x.Data), err)
		}
		return out
	}
	out := run([]service.BundleUpload{broken, {Name: file.Name, Data: file.Data}}, nil)
	if len(out) != 2 || out[0].Error == nil || out[0].Error.Reason != bundle.BundleTruncated || out[0].Error.Params["bundle"] != "broken.acebundle" ||
		out[1].Error == nil || out[1].Error.Reason != "bundle_key_unconfirmed" || out[1].Error.Params["new"] != fingerprint(t, hz) {
		t.Fatalf("outcomes before the new chapter's key is confirmed = %+v", out)
	}
	if chapters, _ := hq.svc.Bundles.MergedChapters(); len(chapters) != 0 {
		t.Fatalf("an unconfirmed chapter was kept: %+v", chapters)
	}
	out = run([]service.BundleUpload{{Name: file.Name, Data: file.Data}, {Name: "other.acebundle", Data: otherFile.Data}}, []string{"HZ"})
	if len(out) != 2 || out[0].Result == nil || !out[0].Result.NewChapter || out[1].Result == nil || !out[1].Result.KeyChanged {
		t.Fatalf("outcomes = %+v", out)
	}
	out = run([]service.BundleUpload{{Name: file.Name, Data: file.Data}}, nil)
	if out[0].Error == nil || out[0].Error.Reason != "bundle_key_changed" {
		t.Errorf("the first key after the impostor's was accepted: %+v", out[0])
	}
	if _, err := hq.svc.Bundles.StartMerge(nil, nil); reasonOf(err) != "bundle_none" {
		t.Errorf("merging nothing = %v", err)
	}
}

// fingerprint is the fingerprint of p's chapter key, as a merge names it.
func fingerprint(t *testing.T, p *program) string {
	t.Helper()
	k, err := p.svc.Trust.ChapterKey()
	if err != nil {
		t.Fatal(err)
	}
	return k.Fingerprint
}

// A name the certificate font cannot print (from a chapter whose ACE Desk
// took it) is held back at headquarters, naming the character.
func TestAMergeHoldsBackANameTheFontCannotPrint(t *testing.T) {
	hz := chapter(t, "HZ")
	hz.on("2026-03-01")
	if _, err := hz.st.CreateMember(app.Member{Name: "张𪚥", Phone: "13800000007", City: "杭州"}, app.Change{Actor: "older ACE Desk", At: apptest.Start}); err != nil {
		t.Fatal(err)
	}
	hz.member("王𬌗")
	path, _ := hz.export(false)
	hq := chapter(t, "HQ")
	r := hq.mustMerge(path)
	want := []app.MergeConflict{{Bundle: "chapter.acebundle", Chapter: "HZ", Kind: "member", SourceID: "1", Reason: app.ConflictNameUnprintable,
		Field: "name", Incoming: "张𪚥 ", Existing: "𪚥 (U+2A6A5)", ExistingID: "0"}}
	if !reflect.DeepEqual(r.Conflicts, want) {
		t.Errorf("conflicts = %+v, want %+v", r.Conflicts, want)
	}
	members, _ := hq.svc.Members.Search(app.MemberQuery{})
	if len(members.Items) != 1 || members.Items[0].Name != "王𬌗" {
		t.Errorf("headquarters' roster = %+v, want 王𬌗 alone", members.Items)
	}
}
