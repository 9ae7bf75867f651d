// Package bundletest makes chapter bundles for the tests of the codec and
// of the services that read them: a small signed sample, and ways to edit
// one and sign it again.
package bundletest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/bundle"
)

// Key is a fixed key, so the sample bundle and the fuzz corpus are
// the same on every run.
var Key = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

// Sample is a small valid bundle with a record or two in every file.
func Sample(tb testing.TB) []byte {
	tb.Helper()
	at := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	d := app.BundleData{
		Members:       []app.Member{{ID: 1, Name: "欧阳喆", Phone: "13800000001", Version: 1}, {ID: 2, Name: "林雪", Email: "x@example.com", Version: 1}},
		Groups:        []app.Group{{ID: 1, Committee: "regional", Name: "杭州用户组", Terms: []app.GroupTerm{{Year: 2026, LeadID: 1}}}},
		Events:        []app.Event{{ID: 1, Name: "天天象上", Kind: "city_meetup", Date: "2026-02-01", Talks: []app.Talk{{MemberID: 2, Title: "分区表", ContributionID: 1}}}},
		Contributions: []app.Contribution{{ID: 1, MemberID: 2, Kind: "talk_live", Date: "2026-02-01", Quantity: 1, Status: app.StatusApproved, EventID: 1}},
		Decisions:     []app.Decision{{ID: 1, Kind: app.DecisionPromotion, MemberID: 1, Year: 2026, GroupID: 1, Reason: "两年组织活动"}},
		Batches:       []app.Batch{{ID: "2025-Q4", Year: 2025, Quarter: 4, Published: true}},
		Levels:        []app.Holding{{MemberID: 1, Level: "ace", Year: 2026, Source: "decision:1"}},
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
	lines, err := bundle.DataLines(&d)
	if err != nil {
		tb.Fatal(err)
	}
	if err := bundle.WriteBundle(&buf, &m, lines, Key); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// Resigner returns what writes an edited manifest back and signs
// it again with the sample's key, so a test reaches the check after the
// signature.
func Resigner(tb testing.TB) func(files map[string][]byte, m map[string]any) {
	return func(files map[string][]byte, m map[string]any) {
		data, err := json.Marshal(m)
		if err != nil {
			tb.Fatal(err)
		}
		files[bundle.BundleManifestFile] = data
		files[bundle.BundleSignatureFile] = ed25519.Sign(Key, data)
	}
}

// SHA is the hex SHA-256 of s, as a manifest lists a file.
func SHA(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// Rewrite copies a bundle's zip, letting edit change, drop (nil) or add
// entries by name.
func Rewrite(t testing.TB, data []byte, edit func(files map[string][]byte)) []byte {
	t.Helper()
	return apptest.RewriteZip(t, data, edit, nil)
}
