package sign

import (
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"

	"acedesk/app"
)

// testKey is deterministic so failures reproduce.
func testKey(seed byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed([]byte(strings.Repeat(string(rune('a'+seed)), ed25519.SeedSize)))
}

func typical() Claims {
	return Claims{Serial: "2026-HZ-0042", Name: "欧阳喆", Title: "PostgreSQL ACE 伙伴", Year: 2026,
		Issuer: "中国PostgreSQL分会杭州用户组", Date: "2026-03-31"}
}

func mustSign(t testing.TB, c Claims, key ed25519.PrivateKey) string {
	t.Helper()
	p, err := Sign(c, key)
	if err != nil {
		t.Fatalf("Sign(%+v): %v", c, err)
	}
	return p
}

func pub(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

func TestSignVerifyRoundTrip(t *testing.T) {
	key := testKey(0)
	tests := []struct {
		name string
		in   Claims
		want Claims
	}{
		{"typical", typical(), typical()},
		{"empty title", Claims{Serial: "S1", Name: "Li Lei", Year: 2024, Issuer: "PG", Date: "2024-12-31"},
			Claims{Serial: "S1", Name: "Li Lei", Year: 2024, Issuer: "PG", Date: "2024-12-31"}},
		{"thanks for a talk", Claims{Serial: "T-7", Name: "王玥", Title: "感谢：PostgreSQL 17 的逻辑复制", Year: 2025, Issuer: "南京用户组", Date: "2025-06-01"},
			Claims{Serial: "T-7", Name: "王玥", Title: "感谢：PostgreSQL 17 的逻辑复制", Year: 2025, Issuer: "南京用户组", Date: "2025-06-01"}},
		{"decomposed name signs as NFC", Claims{Serial: "S2", Name: "Rene\u0301", Year: 2024, Issuer: "PG", Date: "2024-01-01"},
			Claims{Serial: "S2", Name: "Ren\u00e9", Year: 2024, Issuer: "PG", Date: "2024-01-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustSign(t, tt.in, key)
			got, err := Verify(p, []ed25519.PublicKey{pub(testKey(1)), pub(key)})
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSignIsDeterministic(t *testing.T) {
	a, b := mustSign(t, typical(), testKey(0)), mustSign(t, typical(), testKey(0))
	if a != b {
		t.Errorf("two signatures of the same claims differ:\n%s\n%s", a, b)
	}
}

func TestSignRefusesInvalidClaims(t *testing.T) {
	edit := func(f func(*Claims)) Claims { c := typical(); f(&c); return c }
	tests := []struct {
		name string
		in   Claims
	}{
		{"empty serial", edit(func(c *Claims) { c.Serial = "" })},
		{"blank name", edit(func(c *Claims) { c.Name = "  " })},
		{"empty issuer", edit(func(c *Claims) { c.Issuer = "" })},
		{"separator in name", edit(func(c *Claims) { c.Name = "张\n三" })},
		{"tab in title", edit(func(c *Claims) { c.Title = "a\tb" })},
		{"C1 control", edit(func(c *Claims) { c.Issuer = "PG\u0085" })},
		{"invalid UTF-8", edit(func(c *Claims) { c.Name = "\xff" })},
		{"three-digit year", edit(func(c *Claims) { c.Year = 999 })},
		{"five-digit year", edit(func(c *Claims) { c.Year = 10000 })},
		{"date not YYYY-MM-DD", edit(func(c *Claims) { c.Date = "2026-3-31" })},
		{"impossible date", edit(func(c *Claims) { c.Date = "2026-02-30" })},
		{"empty date", edit(func(c *Claims) { c.Date = "" })},
		{"long name", edit(func(c *Claims) { c.Name = strings.Repeat("名", maxName+1) })},
		{"long title", edit(func(c *Claims) { c.Title = strings.Repeat("t", maxTitle+1) })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Sign(tt.in, testKey(0))
			if !errors.Is(err, app.ErrInvalidClaims) {
				t.Errorf("Sign: got %v, want app.ErrInvalidClaims", err)
			}
		})
	}
	if _, err := Sign(typical(), ed25519.PrivateKey{1, 2}); err == nil {
		t.Error("Sign with a short key: got no error")
	}
}

func TestVerifyErrors(t *testing.T) {
	key, other := testKey(0), testKey(1)
	good := mustSign(t, typical(), key)
	signed, seal, _ := cutLast(good, ".")
	fromOther := mustSign(t, typical(), other)
	_, otherSeal, _ := cutLast(fromOther, ".")
	// The other key's signature under our key's ID: a forgery.
	ourID := KeyID(pub(key))
	otherSealBytes, _ := b64.DecodeString(otherSeal)
	copy(otherSealBytes, ourID[:])
	forgedSeal := b64.EncodeToString(otherSealBytes)

	edited := typical()
	edited.Name = "李四"
	editedSigned, _, _ := cutLast(mustSign(t, edited, other), ".")

	tests := []struct {
		name    string
		payload string
		keys    []ed25519.PublicKey
		want    error
	}{
		{"empty", "", []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"other version", "ACE2" + strings.TrimPrefix(good, "ACE1"), []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"lower-case prefix", "ace1" + strings.TrimPrefix(good, "ACE1"), []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"no seal", signed, []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"short seal", signed + "." + seal[:95], []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"padding", good + "=", []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"trailing newline", good + "\n", []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"leading space", " " + good, []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"newline inside", good[:20] + "\n" + good[20:], []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"fields not base64", "ACE1.!!." + seal, []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"five fields", "ACE1." + b64.EncodeToString([]byte("a\nb\nc\n2024\nd")) + "." + seal, []ed25519.PublicKey{pub(key)}, ErrMalformed},
		{"no trusted keys", good, nil, ErrUnknownIssuer},
		{"other chapter's key", good, []ed25519.PublicKey{pub(other)}, ErrUnknownIssuer},
		{"signature by another key", signed + "." + forgedSeal, []ed25519.PublicKey{pub(key)}, ErrForged},
		{"fields from another payload", editedSigned + "." + seal, []ed25519.PublicKey{pub(key)}, ErrForged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Verify(tt.payload, tt.keys)
			if !errors.Is(err, tt.want) {
				t.Errorf("Verify: got error %v, want %v", err, tt.want)
			}
			if got != (Claims{}) {
				t.Errorf("Verify returned claims %+v with an error", got)
			}
		})
	}
}

// TestEveryByteChangeFails changes each byte of a payload to several other
// values, and also drops it: no variant may verify.
func TestEveryByteChangeFails(t *testing.T) {
	key := testKey(0)
	keys := []ed25519.PublicKey{pub(key)}
	good := mustSign(t, typical(), key)
	values := []byte("AZaz09-_.=+/ \n\x00\xff")
	for i := 0; i < len(good); i++ {
		variants := []string{good[:i] + good[i+1:]}
		for _, v := range values {
			if v != good[i] {
				variants = append(variants, good[:i]+string([]byte{v})+good[i+1:])
			}
		}
		// The neighbours in the alphabet catch base64 values one bit apart.
		variants = append(variants, good[:i]+string([]byte{good[i] ^ 1})+good[i+1:], good[:i]+string([]byte{good[i] ^ 0x20})+good[i+1:])
		for _, p := range variants {
			if p == good {
				continue
			}
			if c, err := Verify(p, keys); err == nil {
				t.Fatalf("byte %d changed: %q verified as %+v", i, p, c)
			}
		}
	}
}

// TestTypicalLength keeps the payload of a typical Chinese certificate
// short enough for a small QR code.
func TestTypicalLength(t *testing.T) {
	p := mustSign(t, typical(), testKey(0))
	t.Logf("typical payload: %d characters: %s", len(p), p)
	if len(p) > 260 {
		t.Errorf("typical payload is %d characters, want at most 260", len(p))
	}
}

func TestKeyIDIsSHA256Prefix(t *testing.T) {
	// SHA-256 of 32 zero bytes starts 66687aadf862bd77.
	got := KeyID(make(ed25519.PublicKey, ed25519.PublicKeySize))
	want := [KeyIDSize]byte{0x66, 0x68, 0x7a, 0xad, 0xf8, 0x62, 0xbd, 0x77}
	if got != want {
		t.Errorf("KeyID(zero key) = %x, want %x", got, want)
	}
}
