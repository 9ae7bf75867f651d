package web

import (
	"acedesk/app/apptest/wired"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/sign"
)

// speakerCertificate issues a thanks certificate to a member whose phone
// and email must never reach the public page.
func speakerCertificate(t *testing.T, th *testHub, name, latin, phone string) app.Certificate {
	t.Helper()
	if err := wired.SetChapter(th.svc, "HZ"); err != nil {
		t.Fatal(err)
	}
	m, err := th.svc.Members.Create(app.Member{Name: name, NameLatin: latin, Phone: phone, Email: phone + "@example.com", City: "杭州"})
	if err != nil {
		t.Fatal(err)
	}
	e, err := th.svc.Events.Save(app.Event{Name: "天天象上·杭州", Kind: app.EventRegionalSummit, Date: "2026-03-14", City: "杭州",
		Talks: []app.Talk{{MemberID: m.ID, Title: "深入理解 MVCC"}}})
	if err != nil {
		t.Fatal(err)
	}
	certs, err := th.svc.Certificates.ForEvent(e.ID)
	if err != nil || len(certs) != 1 {
		t.Fatalf("ForEvent = %+v, %v", certs, err)
	}
	return certs[0]
}

func TestPublicVerifyShowsOnlyThePrintedFields(t *testing.T) {
	th := newTestHub(t, true)
	cert := speakerCertificate(t, th, "林静", "Lin Jing", "13912345678")
	revoked := speakerCertificate(t, th, "王喆", "Wang Zhe", "13912345679")
	if _, err := th.svc.Certificates.Revoke(revoked.Serial, "冒名顶替 impostor"); err != nil {
		t.Fatal(err)
	}
	anon := &client{t: t, th: th, host: lanHost}
	printed := PublicVerification{Status: "valid", Serial: cert.Serial, Kind: app.CertThanks, Name: "林静", NameLatin: "Lin Jing",
		Title: cert.Title, Year: 2026, IssuedAt: cert.IssuedOn, Issuer: cert.Issuer}
	revokedPrinted := printed
	revokedPrinted.Status, revokedPrinted.Serial, revokedPrinted.IssuedAt = "revoked", revoked.Serial, revoked.IssuedOn
	revokedPrinted.Name, revokedPrinted.NameLatin = "王喆", "Wang Zhe"
	for _, tc := range []struct {
		name  string
		input string
		want  PublicVerification
	}{
		{"the QR payload", cert.Payload, printed},
		{"the serial typed by hand", strings.ToLower(cert.Serial), printed},
		{"a revoked certificate's payload", revoked.Payload, revokedPrinted},
		{"a revoked certificate's serial", revoked.Serial, revokedPrinted},
		{"an unknown serial", "PGACE-2026-CN-999999", PublicVerification{Status: StatusNotFound}},
		{"a tampered payload", cert.Payload[:20] + string(cert.Payload[20]^1) + cert.Payload[21:], PublicVerification{Status: "forged"}},
		{"garbage", "hello", PublicVerification{Status: "malformed"}},
	} {
		status, body, _ := anon.send("POST", "/api/public/verify", map[string]string{"input": tc.input})
		var got PublicVerification
		json.Unmarshal(body, &got)
		if status != 200 || got != tc.want {
			t.Errorf("%s: %d %+v, want %+v", tc.name, status, got, tc.want)
		}
		for _, secret := range []string{"13912345678", "13912345679", "member_id", "impostor", "revoked_reason", "claims"} {
			if strings.Contains(string(body), secret) {
				t.Errorf("%s: the answer reveals %q: %s", tc.name, secret, body)
			}
		}
	}
}

func TestPublicVerifyReadsAPhotoOfTheCode(t *testing.T) {
	th := newTestHub(t, true)
	cert := speakerCertificate(t, th, "林静", "Lin Jing", "13912345678")
	png, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(qrPNG(t, cert.Payload), "data:image/png;base64,"))
	if err != nil {
		t.Fatal(err)
	}
	anon := &client{t: t, th: th, host: lanHost}
	status, body, _ := anon.send("POST", "/api/public/verify-image", map[string]any{"name": "photo.png", "data": png})
	var got []PublicVerification
	json.Unmarshal(body, &got)
	if status != 200 || len(got) != 1 || got[0].Status != "valid" || got[0].Serial != cert.Serial || strings.Contains(string(body), "13912345678") {
		t.Errorf("verify-image: %d %s", status, body)
	}
	status, body, _ = anon.send("POST", "/api/public/verify-image", map[string]any{"name": "x.png", "data": []byte("not an image")})
	if status != 422 || refusal(body) != "unreadable_file" {
		t.Errorf("not an image: %d %s, want 422 unreadable_file", status, body)
	}
}

func TestPublicVerifyIsRateLimitedPerAddress(t *testing.T) {
	th := newTestHub(t, true)
	anon := &client{t: t, th: th, host: lanHost}
	var codes []int
	for range maxVerifyPerIP + 1 {
		status, _, _ := anon.send("POST", "/api/public/verify", map[string]string{"input": "PGACE-2026-CN-000001"})
		codes = append(codes, status)
	}
	if got := codes[maxVerifyPerIP-1]; got != 200 {
		t.Errorf("check %d: %d, want 200", maxVerifyPerIP, got)
	}
	if got := codes[maxVerifyPerIP]; got != 429 {
		t.Errorf("check %d: %d, want 429", maxVerifyPerIP+1, got)
	}
	th.clock.Set(th.clock.Now().Add(verifyWindow))
	if status, _, _ := anon.send("POST", "/api/public/verify", map[string]string{"input": "x"}); status != 200 {
		t.Errorf("after a minute: %d, want 200", status)
	}
}

// qrPNG is text as the QR code a phone would photograph, as a data URL.
func qrPNG(t *testing.T, text string) string {
	t.Helper()
	url, err := sign.Codes{}.QRDataURL(text)
	if err != nil {
		t.Fatal(err)
	}
	return url
}
