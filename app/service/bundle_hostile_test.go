package service_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/bundle"
	"acedesk/app/bundle/bundletest"
	"acedesk/app/service"
)

// signedBundle writes d as chapter's full bundle, signed with the test key,
// and returns its path.
func signedBundle(t *testing.T, chapter app.BundleChapter, d app.BundleData) string {
	t.Helper()
	lines, err := bundle.DataLines(&d)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	m := app.BundleManifest{Chapter: chapter, CreatedAt: time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC), Kind: app.BundleFull}
	if err := bundle.WriteBundle(&buf, &m, lines, bundletest.Key); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "chapter.acebundle")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMergedRecordsGetTheChecksTypedOnesGet: a chapter's records that a
// form would refuse are held back as conflicts naming the field and why,
// and what names them with them; the rest of the bundle merges.
func TestMergedRecordsGetTheChecksTypedOnesGet(t *testing.T) {
	hq := chapter(t, "HQ")
	members := []app.Member{
		{ID: 1, Name: "欧阳喆", Phone: "13800000001", Version: 1},
		{ID: 2, Name: strings.Repeat("名", 5000), Phone: "13800000002", Version: 1},
		{ID: 3, Name: "林雪", Bio: strings.Repeat("x", 100_000), Phone: "13800000003", Version: 1},
		{ID: 4, Name: "admin\u202Egnp.exe", Phone: "13800000004", Version: 1},
		{ID: 5, Name: "王伟\a", Phone: "13800000005", Version: 1},
		{ID: 6, Name: "\x1b[2J0 conflicts", Phone: "13800000006", Version: 1},
	}
	d := app.BundleData{Members: members, Contributions: []app.Contribution{
		{ID: 1, MemberID: 1, Kind: "article", Date: "2026-02-01", Quantity: 1, Status: app.StatusApproved, Version: 1},
		{ID: 2, MemberID: 1, Kind: "forum_beans", Date: "2026-02-01", Quantity: 9_223_372_036_854_775_807, Status: app.StatusApproved, Version: 1},
		{ID: 3, MemberID: 2, Kind: "article", Date: "2026-02-01", Quantity: 1, Status: app.StatusApproved, Version: 1},
	}}
	r, err := hq.merge(signedBundle(t, app.BundleChapter{ID: "SZ", Name: "深圳"}, d), true)
	if err != nil {
		t.Fatal(err)
	}
	c := counts(r)
	if c["member"].Added != 1 || c["member"].HeldBack != 5 || c["contribution"].Added != 1 || c["contribution"].HeldBack != 2 {
		t.Fatalf("counts = %+v; want one member and one contribution merged", r.Counts)
	}
	want := map[string]string{"member 2": "name: too_long", "member 3": "bio: too_long", "member 4": "name: control_character",
		"member 5": "name: control_character", "member 6": "name: control_character", "contribution 2": "quantity: above_max"}
	got := map[string]string{}
	for _, k := range r.Conflicts {
		if k.Reason == app.ConflictInvalid {
			got[k.Kind+" "+k.SourceID] = k.Incoming
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("conflict of %s = %q, want %q", k, got[k], v)
		}
	}
	roster, err := hq.svc.Members.Search(app.MemberQuery{})
	if err != nil || roster.Total != 1 || roster.Items[0].Name != "欧阳喆" {
		t.Errorf("headquarters' roster = %+v, %v; want only 欧阳喆", roster, err)
	}
}

// TestABundleNamingItsChapterWithAPathOrAControlCharacterIsRefused: the
// chapter code names files and serials; its name is printed.
func TestABundleNamingItsChapterWithAPathOrAControlCharacterIsRefused(t *testing.T) {
	hq := chapter(t, "HQ")
	for _, ch := range []app.BundleChapter{{ID: "../HQ"}, {ID: "SZ\n"}, {ID: "sz"}, {ID: "SZ", Name: "\x1b[2J深圳"}, {ID: "SZ", Name: "深圳\u202E"}} {
		_, err := service.OpenBundle(hq.svc.Bundles, signedBundle(t, ch, app.BundleData{}))
		if reasonOf(err) != bundle.BundleBadManifest {
			t.Errorf("chapter %q (%q): %v, want %s", ch.ID, ch.Name, err, bundle.BundleBadManifest)
		}
	}
}
