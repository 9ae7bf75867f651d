package service_test

import (
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/service"
)

// verdicts verifies each certificate's printed code at p.
func verdicts(t *testing.T, p *program, certs []app.Certificate) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, c := range certs {
		v, err := p.svc.Trust.Verify(c.Payload)
		if err != nil {
			t.Fatal(err)
		}
		out[c.Serial] = v.Status
	}
	return out
}

func TestAMergedChaptersCertificatesVerifyAtHeadquarters(t *testing.T) {
	hz := demoChapter(t, "HZ", 60)
	certs, err := hz.st.Certificates()
	if err != nil || len(certs) < 3 || !certs[0].Revoked || certs[1].Revoked {
		t.Fatalf("chapter certificates = %d (first revoked %v), %v; want some, the first revoked", len(certs), len(certs) > 0 && certs[0].Revoked, err)
	}
	hq := chapter(t, "HQ")
	full, _ := hz.export(false)
	unmerged := verdicts(t, hq, certs)

	hq.mustMerge(full)
	merged := verdicts(t, hq, certs)

	// A revocation reaches headquarters in the next changes bundle.
	if _, err := hz.svc.Certificates.Revoke(certs[1].Serial, "获奖人信息有误"); err != nil {
		t.Fatal(err)
	}
	changes, _ := hz.export(true)
	hq.mustMerge(changes)
	revokedLater := verdicts(t, hq, certs)

	// The chapter's key is replaced (a new computer) and the operator
	// accepts it: what the old key signed stays genuine.
	renewed := chapter(t, "HZ")
	renewed.member("林雪")
	next, _ := renewed.export(false)
	if r, err := hq.merge(next, true); err != nil || !r.KeyChanged {
		t.Fatalf("merging the new key = %+v, %v", r, err)
	}
	afterNewKey := verdicts(t, hq, certs)

	for _, tc := range []struct {
		name   string
		got    map[string]string
		serial string
		want   string
	}{
		{"before the merge", unmerged, certs[2].Serial, service.StatusUnknownIssuer},
		{"merged, valid", merged, certs[2].Serial, service.StatusValid},
		{"merged, revoked in the chapter", merged, certs[0].Serial, service.StatusRevoked},
		{"merged, valid then", merged, certs[1].Serial, service.StatusValid},
		{"revoked after the first merge", revokedLater, certs[1].Serial, service.StatusRevoked},
		{"after the key change, valid", afterNewKey, certs[2].Serial, service.StatusValid},
		{"after the key change, revoked", afterNewKey, certs[1].Serial, service.StatusRevoked},
	} {
		if got := tc.got[tc.serial]; got != tc.want {
			t.Errorf("%s: %s verifies as %q, want %q", tc.name, tc.serial, got, tc.want)
		}
	}
	for serial, got := range merged {
		if want := map[bool]string{true: service.StatusRevoked, false: service.StatusValid}[serial == certs[0].Serial]; got != want {
			t.Errorf("merged: %s verifies as %q, want %q", serial, got, want)
		}
	}
}

// TestABundleCannotForgeHeadquartersCertificates: a bundle that claims
// headquarters' own chapter code is refused even when the operator would
// accept its key, and a chapter's bundle cannot bring serials of another
// chapter: neither makes a forged certificate verify as valid.
func TestABundleCannotForgeHeadquartersCertificates(t *testing.T) {
	hq := demoChapter(t, "HZ", 40)
	own, err := hq.st.Certificates()
	if err != nil || len(own) == 0 {
		t.Fatalf("headquarters' own certificates = %d, %v", len(own), err)
	}
	// An impostor makes a chapter with headquarters' code: its
	// certificates are numbered like headquarters' own.
	impostor := demoChapter(t, "HZ", 40)
	forged, err := impostor.st.Certificates()
	if err != nil || len(forged) < 2 || forged[1].Serial != own[1].Serial {
		t.Fatalf("forged certificates = %d, %v; want serials like headquarters' own", len(forged), err)
	}
	path, _ := impostor.export(false)
	for _, accept := range []bool{false, true} {
		if _, err := hq.merge(path, accept); reasonOf(err) != "bundle_own_chapter_code" {
			t.Errorf("merging a bundle that claims headquarters' code (accept %v) = %v, want bundle_own_chapter_code", accept, err)
		}
	}
	// The same certificates, sent by a chapter with a code of its own: the
	// impostor edits its database, as ACE Desk would not change the code
	// once certificates carry it.
	relabelled := impostor
	setup, _, _ := relabelled.st.GetCertificateSetup()
	setup.ChapterCode = "SZ"
	if _, err := relabelled.st.SaveCertificateSetup(setup, app.Change{Actor: "impostor", At: apptest.Start}); err != nil {
		t.Fatal(err)
	}
	sz, _ := relabelled.export(false)
	r, err := hq.merge(sz, true)
	if err != nil || counts(r)["certificate"].Added != 0 || counts(r)["certificate"].HeldBack != len(forged) {
		t.Fatalf("merging chapter SZ's bundle of HZ serials = %+v, %v; want every certificate held back", r.Counts, err)
	}
	held := 0
	for _, c := range r.Conflicts {
		if c.Reason == app.ConflictSerialOther && c.Incoming == "HZ" {
			held++
		}
	}
	if held != len(forged) {
		t.Errorf("%d serial_other conflicts, want %d", held, len(forged))
	}
	for serial, status := range verdicts(t, hq, forged[1:]) {
		if status == service.StatusValid {
			t.Errorf("the impostor's %s verifies as valid at headquarters", serial)
		}
	}
	for _, c := range own[1:2] {
		v, err := hq.svc.Trust.Verify(c.Payload)
		if err != nil || v.Status != service.StatusValid || v.Signer == nil || v.Signer.Chapter != "" || v.Signer.Fingerprint != fingerprint(t, hq) {
			t.Errorf("headquarters' own %s = %+v, %v; want valid, signed by its own key", c.Serial, v, err)
		}
	}
}
