package service_test

import (
	"testing"

	"acedesk/app"
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
