package service_test

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"os"
	"testing"

	"acedesk/app"
	"acedesk/app/bundle"
	"acedesk/app/bundle/bundletest"
)

func TestDeletionsReachHeadquarters(t *testing.T) {
	hz, sh := chapter(t, "HZ"), chapter(t, "SH")
	hz.on("2026-03-01")
	sh.on("2026-03-01")
	kept, gone := hz.member("欧阳喆"), hz.member("林雪")
	shared, _ := hz.svc.Members.Create(app.Member{Name: "王伟", Phone: "13800000009"})
	sh.svc.Members.Create(app.Member{Name: "王伟", Phone: "13800000009"})
	keptWork, goneWork := hz.approved(kept.ID, "article", "2026-02-01"), hz.approved(gone.ID, "article", "2026-02-02")
	g := hz.group("regional", "杭州用户组")
	e, err := hz.svc.Events.Save(app.Event{Name: "天天象上·杭州", Kind: app.EventCityMeetup, Date: "2026-02-21", City: "杭州"})
	if err != nil {
		t.Fatal(err)
	}
	full, _ := hz.export(false)
	shFull, _ := sh.export(false)
	hq := chapter(t, "HQ")
	hq.mustMerge(full)
	hq.mustMerge(shFull)

	// An approved contribution is deleted once its approval is withdrawn.
	goneWork, err = hz.svc.Contributions.Withdraw(goneWork.ID, goneWork.Version, "记在了别人名下")
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		hz.svc.Contributions.Delete(goneWork.ID, goneWork.Version),
		hz.svc.Members.Delete(gone.ID, gone.Version),
		hz.svc.Members.Delete(shared.ID, shared.Version),
		hz.svc.Groups.Delete(g.ID, g.Version),
		hz.svc.Events.Delete(e.ID, e.Version),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	changes, m := hz.export(true)
	if m.Version != bundle.BundleVersion || len(bundleLines(t, changes)["deletions.jsonl"]) != 5 {
		t.Fatalf("changes bundle: version %d, deletions %v", m.Version, bundleLines(t, changes)["deletions.jsonl"])
	}
	r := hq.mustMerge(changes)
	again := hq.mustMerge(changes)

	for _, tc := range []struct {
		kind        string
		deleted     int
		againChange int
	}{{"contribution", 1, 0}, {"member", 2, 0}, {"group", 1, 0}, {"event", 1, 0}} {
		if got := counts(r)[tc.kind].Deleted; got != tc.deleted {
			t.Errorf("%s deleted = %d, want %d", tc.kind, got, tc.deleted)
		}
		if c := counts(again)[tc.kind]; c.Deleted+c.Added+c.Updated != tc.againChange {
			t.Errorf("merging again: %s = %+v, want nothing done", tc.kind, c)
		}
	}
	if again.Changed {
		t.Errorf("merging the changes again = %+v, want no change", again)
	}
	exists := func(err error) bool {
		if err != nil && app.AsError(err).Code != app.CodeNotFound {
			t.Fatal(err)
		}
		return err == nil
	}
	_, keptErr := hq.st.GetMember(kept.ID)
	_, goneErr := hq.st.GetMember(gone.ID)
	sharedAtHQ, sharedErr := hq.svc.Members.ByPhone("13800000009")
	_, keptWorkErr := hq.st.GetContribution(keptWork.ID)
	_, goneWorkErr := hq.st.GetContribution(goneWork.ID)
	_, groupErr := hq.st.GetGroup(g.ID)
	_, eventErr := hq.st.GetEvent(e.ID)
	for _, tc := range []struct {
		what string
		got  bool
		want bool
	}{
		{"the member the chapter kept", exists(keptErr), true},
		{"the member the chapter deleted", exists(goneErr), false},
		{"the member SH also has", exists(sharedErr) && sharedAtHQ.Name == "王伟", true},
		{"the contribution the chapter kept", exists(keptWorkErr), true},
		{"the contribution the chapter deleted", exists(goneWorkErr), false},
		{"the group", exists(groupErr), false},
		{"the event", exists(eventErr), false},
	} {
		if tc.got != tc.want {
			t.Errorf("%s exists at headquarters = %v, want %v", tc.what, tc.got, tc.want)
		}
	}
	if row := hq.standing(2026, gone.ID); row.Points != 0 {
		t.Errorf("the deleted member still has %d points at headquarters", row.Points)
	}
	// A full bundle lists every deletion ever made.
	later, _ := hz.export(false)
	if before, after := len(bundleLines(t, full)["deletions.jsonl"]), len(bundleLines(t, later)["deletions.jsonl"]); before != 0 || after != 5 {
		t.Errorf("deletions in full bundles: %d before, %d after; want 0 and 5", before, after)
	}
}

// downgrade rewrites a bundle as version 1 (no deletions.jsonl), signed
// with key, as an ACE Desk before deletions wrote it.
func downgrade(t *testing.T, path string, p *program) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	key, _, err := p.st.ChapterKey(app.Change{Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	old := bundletest.Rewrite(t, data, func(files map[string][]byte) {
		var m map[string]any
		json.Unmarshal(files[bundle.BundleManifestFile], &m)
		m["version"] = 1
		delete(m["files"].(map[string]any), "deletions.jsonl")
		files["deletions.jsonl"] = nil
		manifest, _ := json.Marshal(m)
		files[bundle.BundleManifestFile] = manifest
		files[bundle.BundleSignatureFile] = ed25519.Sign(key, manifest)
	})
	if _, err := zip.NewReader(bytes.NewReader(old), int64(len(old))); err != nil {
		t.Fatal(err)
	}
	out := path + ".v1"
	if err := os.WriteFile(out, old, 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAVersion1BundleStillMerges(t *testing.T) {
	hz := chapter(t, "HZ")
	hz.on("2026-03-01")
	a, b := hz.member("欧阳喆"), hz.member("林雪")
	hz.approved(a.ID, "article", "2026-02-01")
	full, _ := hz.export(false)
	hq := chapter(t, "HQ")
	hq.mustMerge(downgrade(t, full, hz))
	if err := hz.svc.Members.Delete(b.ID, b.Version); err != nil {
		t.Fatal(err)
	}
	changes, _ := hz.export(true)
	r := hq.mustMerge(downgrade(t, changes, hz))
	// A version 1 bundle carries no deletions: headquarters keeps the member.
	if _, err := hq.st.GetMember(b.ID); err != nil || counts(r)["member"].Deleted != 0 {
		t.Errorf("after a version 1 changes bundle: member %v, counts %+v; want kept", err, r.Counts)
	}
	if m, err := hq.st.GetMember(a.ID); err != nil || m.Name != "欧阳喆" {
		t.Errorf("member merged from a version 1 bundle = %+v, %v", m, err)
	}
}
