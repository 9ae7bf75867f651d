package store

import (
	"path/filepath"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
)

func TestCertificatesKeepTheirSerialAndCountPapers(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "acedesk.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ch := app.Change{Actor: "lead", At: apptest.Start}
	m, err := s.CreateMember(app.Member{Name: "王喆", Version: 0}, ch)
	if err != nil {
		t.Fatal(err)
	}
	signed := 0
	sign := func(c app.Certificate) (string, error) { signed++; return "signed:" + c.Serial, nil }
	cert := app.Certificate{Kind: app.CertHonor, MemberID: m.ID, Name: "王喆", Title: "PostgreSQL ACE", Year: 2026, Source: "batch:2026-Q2"}
	first, err := s.IssueCertificates([]app.Certificate{cert, {Kind: app.CertThanks, MemberID: m.ID, Year: 2026, Source: "event:3"}}, "HZ", sign, ch)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.IssueCertificates([]app.Certificate{cert}, "HZ", sign, ch)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CountPrints([]string{first[0].Serial, first[0].Serial}, ch); err != nil {
		t.Fatal(err)
	}
	// A serial of another year counts from 1; one of the same year that a
	// merge brought in is skipped.
	other, err := s.IssueCertificates([]app.Certificate{{Kind: app.CertThanks, MemberID: m.ID, Year: 2025, Source: "event:4"},
		{Kind: app.CertThanks, MemberID: m.ID, Year: 2026, Source: "event:5"}}, "HZ", sign, ch)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		what      string
		got, want any
	}{
		{"first serial", first[0].Serial, "PGACE-2026-HZ-000001"},
		{"second serial", first[1].Serial, "PGACE-2026-HZ-000002"},
		{"payload", first[0].Payload, "signed:PGACE-2026-HZ-000001"},
		{"issued again: serial", again[0].Serial, first[0].Serial},
		{"issued again: papers", again[0].Prints, 0},
		{"another year", other[0].Serial, "PGACE-2025-HZ-000001"},
		{"the same year again", other[1].Serial, "PGACE-2026-HZ-000003"},
		{"signatures", signed, 4},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.what, tc.got, tc.want)
		}
	}
	audit, _ := s.AuditFor("certificate", 2026_000001)
	if len(audit) != 3 || audit[0].Action != "issue" || audit[1].Action != "print" || audit[2].Action != "print" {
		t.Errorf("audit = %+v, want issue then two prints", audit)
	}
	if issued, _ := s.ChapterHasIssued("HZ"); !issued {
		t.Error("ChapterHasIssued(HZ) = false after HZ's certificates")
	}
	if issued, _ := s.ChapterHasIssued("BJ"); issued {
		t.Error("ChapterHasIssued(BJ) = true with none of BJ's")
	}
	if has, _ := s.HasHistory(m.ID); !has {
		t.Error("a member with a certificate can be deleted")
	}

	revoked, err := s.RevokeCertificate(first[0].Serial, "重复发放", ch)
	if err != nil || !revoked.Revoked || revoked.RevokedReason != "重复发放" {
		t.Fatalf("revoke = %+v, %v", revoked, err)
	}
	if _, err := s.RevokeCertificate(first[0].Serial, "again", ch); app.AsError(err).Reason != "certificate_revoked" {
		t.Errorf("revoke twice: %v", err)
	}
	if _, err := s.RevokeCertificate("PGACE-2026-HZ-999999", "x", ch); app.AsError(err).Reason != "certificate_not_found" {
		t.Errorf("revoke unknown: %v", err)
	}
	got, ok, _ := s.GetCertificate(first[0].Serial)
	if !ok || !got.Revoked || got.Prints != 2 {
		t.Errorf("stored = %+v", got)
	}
}
