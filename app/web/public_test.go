package web

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/png"
	"strconv"
	"strings"
	"sync"
	"testing"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
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
	key, err := th.svc.Trust.ChapterKey()
	if err != nil {
		t.Fatal(err)
	}
	// A scanned code names the key whose signature holds; a typed serial
	// has no signature to check.
	signed := func(p PublicVerification) PublicVerification { p.Key = key.Fingerprint; return p }
	for _, tc := range []struct {
		name  string
		input string
		want  PublicVerification
	}{
		{"the QR payload", cert.Payload, signed(printed)},
		{"the serial typed by hand", strings.ToLower(cert.Serial), printed},
		{"a revoked certificate's payload", revoked.Payload, signed(revokedPrinted)},
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

func TestTheCheckPageLimitsIPv6ByItsSlash64(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"2001:db8:1:2:3:4:5:6", "2001:db8:1:2:ffff::1"},
		{"fe80::1", "fe80::abcd:1234"},
	} {
		if network(tc.a) != network(tc.b) {
			t.Errorf("%s and %s count apart: %s, %s", tc.a, tc.b, network(tc.a), network(tc.b))
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"2001:db8:1:2::1", "2001:db8:1:3::1"},
		{"192.168.1.5", "192.168.1.6"},
	} {
		if network(tc.a) == network(tc.b) {
			t.Errorf("%s and %s count as one network: %s", tc.a, tc.b, network(tc.a))
		}
	}
}

// TestManyHugePhotosAtOnceDoNotExhaustMemory: a 49-megapixel PNG is a few
// hundred kilobytes; each decoded took about 380 MB, and several at once
// from one phone took gigabytes. They are refused by their declared size.
func TestManyHugePhotosAtOnceDoNotExhaustMemory(t *testing.T) {
	th := newTestHub(t, true)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, image.NewGray(image.Rect(0, 0, 7000, 7000))); err != nil {
		t.Fatal(err)
	}
	huge := buf.Bytes()
	const parallel = 12
	statuses := make(chan string, parallel)
	peak := apptest.PeakHeap(func() {
		var wg sync.WaitGroup
		for i := range parallel {
			wg.Go(func() {
				c := &client{t: t, th: th, host: lanHost}
				status, body, _ := c.send("POST", "/api/public/verify-image", map[string]any{"name": "p" + strconv.Itoa(i) + ".png", "data": huge})
				statuses <- strconv.Itoa(status) + " " + refusal(body)
			})
		}
		wg.Wait()
	})
	close(statuses)
	for s := range statuses {
		if s != "422 image_too_large" {
			t.Errorf("a 49-megapixel photo: %s, want 422 image_too_large", s)
		}
	}
	if limit := uint64(128 << 20); peak > limit {
		t.Errorf("%d photos of %d KB at once took %d MB, want under %d", parallel, len(huge)>>10, peak>>20, limit>>20)
	}
	t.Logf("%d photos of %d KB (49 megapixels) at once: peak %d MB above the start", parallel, len(huge)>>10, peak>>20)
}
