package app_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"
	"time"

	"acedesk/app"
)

// bundleKey is a fixed key, so the sample bundle and the fuzz corpus are
// the same on every run.
var bundleKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

// sampleBundle is a small valid bundle with a record or two in every file.
func sampleBundle(tb testing.TB) []byte {
	tb.Helper()
	at := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	d := app.BundleData{
		Members:       []app.Member{{ID: 1, Name: "欧阳喆", Phone: "13800000001", Version: 1}, {ID: 2, Name: "林雪", Email: "x@example.com", Version: 1}},
		Groups:        []app.Group{{ID: 1, Committee: "regional", Name: "杭州用户组", Terms: []app.GroupTerm{{Year: 2026, LeadID: 1}}}},
		Events:        []app.Event{{ID: 1, Name: "天天象上", Kind: "city_meetup", Date: "2026-02-01", Talks: []app.Talk{{MemberID: 2, ContributionID: 1}}}},
		Contributions: []app.Contribution{{ID: 1, MemberID: 2, Kind: "talk_live", Date: "2026-02-01", Status: app.StatusApproved, EventID: 1}},
		Decisions:     []app.Decision{{ID: 1, Kind: app.DecisionPromotion, MemberID: 1, Year: 2026}},
		Batches:       []app.Batch{{ID: "2025-Q4", Year: 2025, Quarter: 4, Published: true}},
		Levels:        []app.Holding{{MemberID: 1, Level: "ace", From: 2026, ValidThrough: 2026, Source: "decision:1"}},
		Certificates:  []app.Certificate{{Serial: "PGACE-2025-HZ-000001", Kind: app.CertHonor, MemberID: 1, Revoked: true}},
		Trophies:      []app.BundleTrophy{{BatchID: "2025-Q4", MemberID: 1, Engraving: "ACE", Status: "ordered", Version: 1}},
	}
	audit, err := app.NewBundleAudit(app.AuditEntry{ID: 1, At: at, Action: "create", Entity: "member", EntityID: 1, Before: json.RawMessage("null"), After: json.RawMessage("{}")})
	if err != nil {
		tb.Fatal(err)
	}
	d.Audit = []app.BundleAudit{audit}
	var buf bytes.Buffer
	m := app.BundleManifest{Chapter: app.BundleChapter{ID: "HZ", Name: "杭州"}, CreatedAt: at, Kind: app.BundleFull, UpTo: 1}
	lines, err := d.Lines()
	if err != nil {
		tb.Fatal(err)
	}
	if err := app.WriteBundle(&buf, &m, lines, bundleKey); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// testBundleResigner returns what writes an edited manifest back and signs
// it again with the sample's key, so a test reaches the check after the
// signature.
func testBundleResigner(tb testing.TB) func(files map[string][]byte, m map[string]any) {
	return func(files map[string][]byte, m map[string]any) {
		data, err := json.Marshal(m)
		if err != nil {
			tb.Fatal(err)
		}
		files[app.BundleManifestFile] = data
		files[app.BundleSignatureFile] = ed25519.Sign(bundleKey, data)
	}
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// FuzzReadBundle feeds arbitrary bytes to the reader: it must never panic,
// and whatever it accepts must be signed by the key it names and write
// back to a bundle that reads the same.
func FuzzReadBundle(f *testing.F) {
	good := sampleBundle(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := app.ReadBundle(bytes.NewReader(data), int64(len(data)), "fuzz.acebundle")
		if err != nil {
			if app.AsError(err).Code != app.CodeInvalid {
				t.Fatalf("error %v is not a refusal", err)
			}
			return
		}
		if b.Manifest.Chapter.ID == "" || len(b.PublicKey) != ed25519.PublicKeySize {
			t.Fatalf("accepted a bundle without chapter or key: %+v", b.Manifest)
		}
		for name, info := range b.Manifest.Files {
			if info.SHA256 == "" {
				t.Fatalf("accepted %s without a hash", name)
			}
		}
	})
}
