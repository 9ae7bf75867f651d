package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"acedesk/app/service"
)

// verify checks a certificate code given as the payload text, a PDF that
// ACE Desk wrote, or a PNG/JPEG image of the QR code. It exits 0 only when
// every code found is valid.
func (c *runner) verify(args []string) int {
	fs := c.flags("verify")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, ok := c.parse(fs, args, 1)
	if !ok {
		return ExitUsage
	}
	arg := pos[0]
	kind := fileKind(arg)
	var data []byte
	if kind != "" {
		st, err := os.Stat(arg)
		if err != nil {
			return c.fail(err)
		}
		if st.Size() > service.MaxVerifyBytes {
			return c.fail(fmt.Errorf("%s is larger than %d MB", arg, service.MaxVerifyBytes>>20))
		}
		if data, err = os.ReadFile(arg); err != nil {
			return c.fail(err)
		}
		if kind == "file" {
			kind = "image"
			if bytes.HasPrefix(data, []byte("%PDF")) {
				kind = "pdf"
			}
		}
	}
	return c.withSession(func(s *Session) int {
		var results []service.Verification
		var err error
		switch kind {
		case "pdf":
			results, err = s.Services.Trust.VerifyPDF(filepath.Base(arg), data)
		case "image":
			results, err = s.Services.Trust.VerifyImage(filepath.Base(arg), data)
		default:
			var v service.Verification
			v, err = s.Services.Trust.Verify(arg)
			results = []service.Verification{v}
		}
		if err != nil {
			return c.fail(err)
		}
		var code int
		if *asJSON {
			code = c.printJSON(results)
		} else {
			code = c.printVerifications(results)
		}
		if code != ExitOK {
			return code
		}
		for _, v := range results {
			if v.Status != service.StatusValid {
				return ExitError
			}
		}
		return ExitOK
	})
}

// fileKind tells a file argument from a payload: a known extension means
// a file even if it is missing (so a typo is an error, not a forged
// payload); otherwise an existing file is one, and anything else is
// payload text. It answers "pdf", "image", "file" (sniff the content) or
// "" for a payload.
func fileKind(arg string) string {
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".pdf":
		return "pdf"
	case ".png", ".jpg", ".jpeg":
		return "image"
	}
	if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
		return "file"
	}
	return ""
}

func (c *runner) printVerifications(results []service.Verification) int {
	for i, v := range results {
		if len(results) > 1 {
			if i > 0 {
				fmt.Fprintln(c.env.Stdout)
			}
			fmt.Fprintf(c.env.Stdout, "code %d of %d\n", i+1, len(results))
		}
		tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "status:\t%s\n", strings.ToUpper(strings.ReplaceAll(v.Status, "_", " ")))
		if v.Claims != nil {
			cl := v.Claims
			fmt.Fprintf(tw, "serial:\t%s\nname:\t%s\ntitle:\t%s\nyear:\t%d\nissuer:\t%s\ndate:\t%s\n", cl.Serial, cl.Name, cl.Title, cl.Year, cl.Issuer, cl.Date)
		}
		if v.Signer != nil {
			who := "this database's own key"
			if v.Signer.Chapter != "" {
				who = "chapter " + v.Signer.Chapter + "'s key"
			}
			fmt.Fprintf(tw, "signed by:\t%s, fingerprint %s\n", who, v.Signer.Fingerprint)
		}
		switch v.Source {
		case service.SourcePrintedQR:
			fmt.Fprintf(tw, "read from:\tthe QR code printed on the page\n")
		case service.SourceMetadata:
			fmt.Fprintf(tw, "read from:\tthe PDF's metadata only: no printed QR code could be read, and metadata can be edited; check a photo of the printed code\n")
		}
		if v.RevokedReason != "" {
			fmt.Fprintf(tw, "revoked because:\t%s\n", v.RevokedReason)
		}
		fmt.Fprintf(tw, "detail:\t%s\n", v.Reason)
		if err := tw.Flush(); err != nil {
			return c.fail(err)
		}
	}
	return ExitOK
}

// key prints the chapter's public key: its ID and fingerprint, or PEM.
func (c *runner) key(args []string) int {
	fs := c.flags("key")
	asPEM := fs.Bool("pem", false, "print the public key as PEM")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	return c.withSession(func(s *Session) int {
		if *asPEM {
			text, err := s.Services.Trust.ExportPublicKey()
			if err != nil {
				return c.fail(err)
			}
			fmt.Fprint(c.env.Stdout, text)
			return ExitOK
		}
		k, err := s.Services.Trust.ChapterKey()
		if err != nil {
			return c.fail(err)
		}
		tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "key id:\t%s\nfingerprint:\t%s\npublic key:\t%s\ncreated:\t%s\n", k.KeyID, k.Fingerprint, k.PublicKey, k.CreatedAt.Local().Format("2006-01-02 15:04"))
		if err := tw.Flush(); err != nil {
			return c.fail(err)
		}
		return ExitOK
	})
}
