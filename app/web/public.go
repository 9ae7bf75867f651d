package web

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"acedesk/app"
	"acedesk/app/service"
)

// Public verification answers anyone on the LAN, without pairing, and
// tells only what the certificate itself prints.

// StatusNotFound is a serial typed by hand that this database never issued.
const StatusNotFound = "not_found"

// PublicVerification is one verdict with the certificate's printed fields.
type PublicVerification struct {
	Status    string `json:"status"`
	Serial    string `json:"serial"`
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	NameLatin string `json:"name_latin"`
	Level     string `json:"level"`
	Title     string `json:"title"`
	Year      int    `json:"year"`
	IssuedAt  string `json:"issued_at"`
	Issuer    string `json:"issuer"`
	// SignedBy names who vouches for the certificate: "" for the hub's own,
	// else the merged chapter's code; Key is the fingerprint of the key
	// whose signature was checked (none for a serial typed by hand).
	SignedBy string `json:"signed_by"`
	Key      string `json:"key,omitempty"`
}

// maxImageBody bounds a photo upload: a phone's JPEG, base64-encoded.
const maxImageBody = 24 << 20

// limited refuses the request when its network has verified too often
// lately, and counts it otherwise.
func (h *Hub) limited(w http.ResponseWriter, r *http.Request) bool {
	addr, now := network(peerAddr(r)), h.clock.Now()
	if wait := h.verifyIP.wait(addr, now); wait > 0 {
		secs := strconv.Itoa(int((wait + time.Second - 1) / time.Second))
		h.fail(w, app.Errorf(app.CodeInvalid, "verify_rate_limited", "too many checks: wait %s s", secs).WithParams("seconds", secs), "verify")
		return true
	}
	h.verifyIP.record(addr, now)
	return false
}

func (h *Hub) publicVerify(w http.ResponseWriter, r *http.Request) {
	if h.limited(w, r) {
		return
	}
	var in struct {
		Input string `json:"input"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 8192)).Decode(&in); err != nil {
		h.fail(w, errBadCall{`the body must be {"input":…}`}, "verify")
		return
	}
	v, err := h.verifyText(in.Input)
	if err != nil {
		h.fail(w, err, "verify")
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (h *Hub) publicVerifyImage(w http.ResponseWriter, r *http.Request) {
	if h.limited(w, r) {
		return
	}
	var in struct {
		Name string `json:"name"`
		Data []byte `json:"data"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxImageBody)).Decode(&in); err != nil {
		h.fail(w, errBadCall{`the body must be {"name":…,"data":<base64>} and under 24 MB`}, "verify-image")
		return
	}
	list, err := h.trust.VerifyImage(in.Name, in.Data)
	if err != nil {
		h.fail(w, err, "verify-image")
		return
	}
	out := make([]PublicVerification, 0, len(list))
	for _, v := range list {
		p, err := h.public(v)
		if err != nil {
			h.fail(w, err, "verify-image")
			return
		}
		out = append(out, p)
	}
	writeJSON(w, http.StatusOK, out)
}

// network is what the check page's limit counts by: an IPv4 address, or
// the /64 of an IPv6 one, since a single IPv6 host is handed a whole /64
// and could take a new address for every guess.
func network(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil || ip.To4() != nil {
		return addr
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// verifyText checks a scanned code, or looks up a serial typed by hand.
func (h *Hub) verifyText(input string) (PublicVerification, error) {
	input = strings.TrimSpace(input)
	if strings.HasPrefix(strings.ToUpper(input), app.SerialPrefix+"-") && !strings.ContainsAny(input, "\n ") {
		c, ok, err := h.repo.GetCertificate(strings.ToUpper(input))
		if err != nil || !ok {
			return PublicVerification{Status: StatusNotFound}, err
		}
		status := service.StatusValid
		if c.Revoked {
			status = service.StatusRevoked
		}
		out := printed(status, c)
		out.SignedBy, err = service.CertificateIssuer(h.trust, c.Serial)
		return out, err
	}
	v, err := h.trust.Verify(input)
	if err != nil {
		return PublicVerification{}, err
	}
	return h.public(v)
}

// public keeps of a verdict the status and, for a genuine code, the
// printed fields: from the signed claims, completed by the issued
// certificate (kind, Latin name, level), never the reason for a revocation.
func (h *Hub) public(v service.Verification) (PublicVerification, error) {
	if v.Claims == nil {
		return PublicVerification{Status: v.Status}, nil
	}
	cl := v.Claims
	out := PublicVerification{Status: v.Status, Serial: cl.Serial, Name: cl.Name, Title: cl.Title, Year: cl.Year, IssuedAt: cl.Date, Issuer: cl.Issuer}
	if v.Signer != nil {
		out.SignedBy, out.Key = v.Signer.Chapter, v.Signer.Fingerprint
	}
	c, ok, err := h.repo.GetCertificate(cl.Serial)
	if err != nil || !ok {
		return out, err
	}
	out.Kind, out.NameLatin, out.Level = c.Kind, c.NameLatin, c.Level
	return out, nil
}

func printed(status string, c app.Certificate) PublicVerification {
	return PublicVerification{Status: status, Serial: c.Serial, Kind: c.Kind, Name: c.Name, NameLatin: c.NameLatin,
		Level: c.Level, Title: c.Title, Year: c.Year, IssuedAt: c.IssuedOn, Issuer: c.Issuer}
}
