package cli

import (
	"bufio"
	"crypto/tls"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestServeLANPrintsAddressesFingerprintAndADeskCode(t *testing.T) {
	db := tempDB(t)
	pr, pw := io.Pipe()
	interrupt := make(chan struct{})
	done := make(chan int)
	go func() {
		done <- Run([]string{"serve", "--lan", "--tls", "--listen", "127.0.0.1:0", "--local", "127.0.0.1:0"}, Env{
			Stdout: pw, Stderr: io.Discard, Getenv: func(string) string { return db },
			Open: openSession, Clock: clock, Interrupt: interrupt,
		})
		pw.Close()
	}()
	// Read up to the line about more codes, which ends what serve prints.
	var out strings.Builder
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		out.WriteString(sc.Text() + "\n")
		if strings.Contains(sc.Text(), "#/settings") {
			break
		}
	}
	go io.Copy(io.Discard, pr)
	text := out.String()
	lanURL := regexp.MustCompile(`https://127\.0\.0\.1:\d+/`).FindString(text)
	code := regexp.MustCompile(`desk pairing code: (\d{6})`).FindStringSubmatch(text)
	fp := regexp.MustCompile(`(?m)^  ([0-9A-F]{2}(:[0-9A-F]{2}){31})$`).FindString(text)
	if lanURL == "" || code == nil || fp == "" || !strings.Contains(text, "http://127.0.0.1:") {
		t.Fatalf("serve --lan printed:\n%s\nwant a local URL, an https LAN URL, a fingerprint and a 6-digit code", text)
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := client.Post(lanURL+"api/pair", "application/json", strings.NewReader(`{"code":"`+code[1]+`","device":"门口 1"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"role":"desk"`) {
		t.Errorf("pairing with the printed code: %d %s, want a desk session", resp.StatusCode, body)
	}
	close(interrupt)
	if code := <-done; code != ExitOK {
		t.Errorf("serve exit = %d, want 0", code)
	}
}

func TestServeTLSNeedsLAN(t *testing.T) {
	if r := run(t, tempDB(t), "serve", "--tls"); r.code != ExitUsage || !strings.Contains(r.stderr, "--tls needs --lan") {
		t.Errorf("serve --tls: %+v", r)
	}
}
