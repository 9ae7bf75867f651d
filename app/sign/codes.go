package sign

import (
	"crypto/ed25519"
	"encoding/base64"
	"io"

	"acedesk/app"

	goqr "github.com/piglig/go-qr"
)

// Codes is app.Codes.
type Codes struct{}

func (Codes) Sign(c Claims, key ed25519.PrivateKey) (string, error) { return Sign(c, key) }

func (Codes) Verify(payload string, keys []ed25519.PublicKey) (Claims, error) {
	return Verify(payload, keys)
}

func (Codes) FromImage(r io.Reader) ([]string, error) { return PayloadsFromImage(r) }

func (Codes) FromPDF(data []byte) ([]app.PDFCode, error) { return CodesFromPDF(data) }

// QRDataURL draws text as a QR code (4-module margin) in a PNG data URL,
// for pages that show a code to scan.
func (Codes) QRDataURL(text string) (string, error) {
	code, err := goqr.EncodeText(text, goqr.Medium)
	if err != nil {
		return "", err
	}
	png, err := code.ToPNGBytes(goqr.NewQrCodeImgConfig(8, 4))
	if err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png), nil
}
