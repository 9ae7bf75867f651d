package cli

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/service"
	"acedesk/app/sign"
	"acedesk/store"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// signedByDB records a certificate with these claims in the database at
// db (the store numbers its serial, which it writes into c) and returns
// its payload, signed with the database's chapter key.
func signedByDB(t *testing.T, db string, c *sign.Claims) string {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ch := app.Change{Actor: "test"}
	key, _, err := st.ChapterKey(ch)
	if err != nil {
		t.Fatal(err)
	}
	m, err := st.CreateMember(app.Member{Name: c.Name}, ch)
	if err != nil {
		t.Fatal(err)
	}
	cert := app.Certificate{Kind: app.CertHonor, MemberID: m.ID, Name: c.Name, Title: c.Title, Year: c.Year, Issuer: c.Issuer,
		IssuedOn: c.Date, Source: "test"}
	issued, err := st.IssueCertificates([]app.Certificate{cert}, "HZ", func(x app.Certificate) (string, error) {
		c.Serial = x.Serial
		return sign.Sign(*c, key)
	}, ch)
	if err != nil {
		t.Fatal(err)
	}
	return issued[0].Payload
}

func writeQR(t *testing.T, path, text string) {
	t.Helper()
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	if code, err = barcode.Scale(code, code.Bounds().Dx()*5, code.Bounds().Dy()*5); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, code); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyCommand(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	claims := sign.Claims{Serial: "2026-0001", Name: "李雷", Title: "PostgreSQL ACE", Year: 2026, Issuer: "杭州用户组", Date: "2026-06-30"}
	good := signedByDB(t, db, &claims)
	other := claims
	other.Name = "韩梅梅"
	otherGood := signedByDB(t, db, &other)
	forged := otherGood[:strings.LastIndex(otherGood, ".")] + good[strings.LastIndex(good, "."):]

	png := filepath.Join(dir, "scan.png")
	writeQR(t, png, good)
	pdf := filepath.Join(dir, "certs.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.3\n<< /Keywords (ACEQR:"+good+" ACEQR:"+forged+") >>\n%%EOF"), 0o600); err != nil {
		t.Fatal(err)
	}
	noExt := filepath.Join(dir, "scan")
	writeQR(t, noExt, good)

	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
	}{
		{"valid payload", []string{good}, ExitOK, []string{"VALID", "李雷", "PGACE-2026-HZ-000001", "杭州用户组", "2026-06-30"}},
		{"forged payload", []string{forged}, ExitError, []string{"FORGED"}},
		{"garbage", []string{"hello"}, ExitError, []string{"MALFORMED"}},
		{"image", []string{png}, ExitOK, []string{"VALID", "李雷"}},
		{"file without extension", []string{noExt}, ExitOK, []string{"VALID", "李雷"}},
		{"PDF with a forged page", []string{pdf}, ExitError, []string{"code 1 of 2", "VALID", "code 2 of 2", "FORGED"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, db, append([]string{"verify"}, tt.args...)...)
			if r.code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, tt.wantCode, r.stderr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout %q lacks %q", r.stdout, w)
				}
			}
		})
	}

	r := run(t, db, "verify", "--json", good)
	var got []service.Verification
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != ExitOK {
		t.Fatalf("--json: exit %d, %v: %s", r.code, err, r.stdout)
	}
	if len(got) != 1 || got[0].Status != service.StatusValid || got[0].Claims == nil || *got[0].Claims != claims {
		t.Errorf("--json: got %+v", got)
	}

	if r := run(t, db, "verify", filepath.Join(dir, "missing.png")); r.code != ExitError || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("missing file: exit %d, stderr %q, want 1 with a message", r.code, r.stderr)
	}
	if r := run(t, db, "verify"); r.code != ExitUsage {
		t.Errorf("verify without argument: exit %d, want 2", r.code)
	}
}

func TestKeyCommand(t *testing.T) {
	db := tempDB(t)
	r := run(t, db, "key")
	if r.code != ExitOK || !strings.Contains(r.stdout, "fingerprint:") || !strings.Contains(r.stdout, "key id:") {
		t.Fatalf("key: exit %d, %q", r.code, r.stdout)
	}
	again := run(t, db, "key")
	if again.stdout != r.stdout {
		t.Errorf("the key changed between runs:\n%s\n%s", r.stdout, again.stdout)
	}
	p := run(t, db, "key", "--pem")
	if p.code != ExitOK || !strings.HasPrefix(p.stdout, "-----BEGIN PUBLIC KEY-----\n") {
		t.Errorf("key --pem: exit %d, %q", p.code, p.stdout)
	}
}
