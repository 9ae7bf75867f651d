# ACE Desk. `make run` and `make test` install what they need themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := help

BIN      := build/bin/acedesk
DIST     := build/dist
VERSION  := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT   := $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
# UTC; SOURCE_DATE_EPOCH, when set, fixes it (reproducible builds).
BUILD_DATE := $(shell date -u $${SOURCE_DATE_EPOCH:+-d @$$SOURCE_DATE_EPOCH} +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS  := -s -w -X acedesk/app.Version=$(VERSION) -X acedesk/app.Commit=$(COMMIT) -X acedesk/app.BuildDate=$(BUILD_DATE)
TAGS     := desktop,production

# Debian/Ubuntu packages: to build the desktop app, and to test it.
APT_BUILD := build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.0-dev fonts-lxgw-wenkai
APT_TEST  := xvfb xauth xdotool x11-utils imagemagick chromium poppler-utils fonts-wqy-microhei zbar-tools postgresql iproute2 libreoffice-calc-nogui
# make dist and its checks: WebKitGTK 4.1 for the second Linux build, the
# Windows installer (NSIS) and 7z to list it, Wine to run the Windows build
# (MinGW builds the one DLL Debian 12's Wine lacks), lintian for the .debs.
APT_DIST  := libwebkit2gtk-4.1-dev nsis p7zip-full wine wine64 gcc-mingw-w64-x86-64-win32 lintian desktop-file-utils

ARTIFACTS ?= artifacts

# The PDF font, embedded by app/pdf: the unmodified Debian file, copied in
# rather than committed (15.7 MB).
FONT     := app/pdf/fonts/LXGWWenKai-Regular.ttf
FONT_SRC := /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf

.PHONY: help fonts deps deps-test frontend build run serve test test-go lint-go test-pg test-frontend test-browser test-desktop \
        deps-dist dist dist-windows dist-linux-4.0 dist-linux-4.1 dist-browser test-dist bench loadtest bindings clean

help:
	@echo "make run    build and start ACE Desk (browser mode when there is no display)"
	@echo "make test   every test: Go, frontend, browser, desktop window, Windows build"
	@echo "make bench  benchmarks (BASE=<rev> compares with that revision)"

deps: fonts
	@scripts/ensure-deps.sh $(APT_BUILD)

fonts: $(FONT)

$(FONT):
	@scripts/ensure-deps.sh fonts-lxgw-wenkai
	cp $(FONT_SRC) $@

deps-test:
	@scripts/ensure-deps.sh $(APT_BUILD) $(APT_TEST) $(APT_DIST)

deps-dist:
	@scripts/ensure-deps.sh $(APT_BUILD) $(APT_DIST)

# Some npm packages ship Go files (flatted does): a go.mod in node_modules
# makes it a module of its own, which the Go tools' ./... leaves out.
frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && echo 'module node_modules' > node_modules/go.mod

scripts/e2e/node_modules/.package-lock.json: scripts/e2e/package-lock.json
	cd scripts/e2e && npm ci --no-audit --no-fund --loglevel=error && echo 'module node_modules' > node_modules/go.mod

# The frontend bundle is built again only when a file it is built from
# changed (make test would otherwise build it three times); the type check
# is make test-frontend's.
FRONTEND_SRC := $(shell find frontend/src frontend/public frontend/wailsjs -type f 2>/dev/null) \
	frontend/index.html frontend/vite.config.ts frontend/tsconfig.json frontend/package.json
frontend: frontend/dist/index.html

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SRC)
	cd frontend && npm run build
	@touch $@

build: deps fonts frontend
	go build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

# With a display: the desktop window. Without one: browser mode.
run: build
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then exec ./$(BIN); \
	else echo "No display found: starting browser mode. Open the address below in a browser."; exec ./$(BIN) serve; fi

serve: build
	./$(BIN) serve

test: deps-test frontend
	@mkdir -p $(ARTIFACTS)
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory test-go test-frontend build test-pg test-browser test-desktop test-dist && \
	echo "make test: everything passed in $$(( $$(date +%s) - start )) s"

test-go: fonts lint-go
	go test -race -count=1 ./...
	go test -count=1 -tags desktop ./app/desktop/

# go vet and staticcheck (staticcheck.conf), on the desktop and load-test
# builds too; gofmt must have nothing to change.
lint-go: fonts
	@bad=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$bad" ]; then echo "gofmt would change:"; echo "$$bad"; exit 1; fi
	go vet ./...
	go vet -tags desktop ./app/desktop/
	go vet -tags loadtest ./app/web/
	go tool staticcheck ./...
	go tool staticcheck -tags desktop ./app/desktop/
	go tool staticcheck -tags loadtest ./app/web/

# The PostgreSQL export and pg-push against a real server the script starts.
test-pg: build scripts/e2e/node_modules/.package-lock.json
	ACEDESK_BIN=$(CURDIR)/$(BIN) ARTIFACTS=$(CURDIR)/$(ARTIFACTS) scripts/pg-test.sh

test-frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run typecheck && npm run lint && npm test

test-browser: scripts/e2e/node_modules/.package-lock.json
	ACEDESK_BIN=$(CURDIR)/$(BIN) ARTIFACTS=$(CURDIR)/$(ARTIFACTS) node --test --test-concurrency=2 scripts/e2e/

test-desktop:
	ACEDESK_BIN=$(CURDIR)/$(BIN) ARTIFACTS=$(CURDIR)/$(ARTIFACTS) scripts/desktop-test.sh

# Everything a user downloads, into build/dist/ with the version (git
# describe) in every name, and SHA256SUMS (the README's "Download and
# install" says what each file is):
#   Windows  the installer (NSIS, per user), the desktop .exe, the console acedesk-cli.exe
#   Linux    .deb packages and plain binaries for WebKitGTK 4.0 and 4.1
#   browser  the browser-mode build (no window, CGO_ENABLED=0: with no command
#            it runs serve) for Linux amd64/arm64/loong64 and macOS arm64/amd64
# The four parts are independent and built two at a time.
DIST_VARS = VERSION=$(VERSION) COMMIT=$(COMMIT) BUILD_DATE=$(BUILD_DATE)
dist: build deps-dist
	rm -rf $(DIST)
	mkdir -p $(DIST)
	$(MAKE) --no-print-directory -j2 $(DIST_VARS) dist-windows dist-linux-4.0 dist-linux-4.1 dist-browser
	cd $(DIST) && sha256sum -- acedesk* > SHA256SUMS
	@du -h $(DIST)/acedesk*

dist-windows:
	DIST=$(DIST) VERSION=$(VERSION) TAGS=$(TAGS) LDFLAGS="$(LDFLAGS)" scripts/dist/windows.sh

dist-linux-4.0:
	cp $(BIN) $(DIST)/acedesk-$(VERSION)-linux-amd64-webkit2gtk-4.0
	DIST=$(DIST) VERSION=$(VERSION) COMMIT=$(COMMIT) scripts/dist/deb.sh 4.0 $(BIN)

dist-linux-4.1:
	go build -tags $(TAGS),webkit2_41 -ldflags "$(LDFLAGS)" -o $(DIST)/acedesk-$(VERSION)-linux-amd64-webkit2gtk-4.1 .
	DIST=$(DIST) VERSION=$(VERSION) COMMIT=$(COMMIT) scripts/dist/deb.sh 4.1 $(DIST)/acedesk-$(VERSION)-linux-amd64-webkit2gtk-4.1

dist-browser:
	for arch in amd64 arm64 loong64; do \
	  GOOS=linux GOARCH=$$arch CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o $(DIST)/acedesk-$(VERSION)-linux-$$arch-browser . || exit 1; \
	done
	for arch in arm64 amd64; do \
	  DIST=$(DIST) VERSION=$(VERSION) LDFLAGS="$(LDFLAGS)" scripts/dist/macos.sh $$arch || exit 1; \
	done

# The packaging checks: the artefacts and SHA256SUMS; the linux/amd64
# browser-mode build started as a user would, in Chromium; the Windows
# installer's contents, and under Wine the installer, the programs and the
# uninstaller; the .debs installed with apt-get, their window under Xvfb,
# and removed.
test-dist: dist scripts/e2e/node_modules/.package-lock.json
	@start=$$(date +%s); \
	DIST=$(CURDIR)/$(DIST) $(DIST_VARS) ACEDESK_BIN=$(CURDIR)/$(DIST)/acedesk-$(VERSION)-linux-amd64-browser \
	  ARTIFACTS=$(CURDIR)/$(ARTIFACTS) node --test --test-concurrency=1 scripts/dist/ && \
	DIST=$(CURDIR)/$(DIST) VERSION=$(VERSION) ARTIFACTS=$(CURDIR)/$(ARTIFACTS) scripts/dist/deb-test.sh && \
	echo "make test-dist: the packaging checks passed in $$(( $$(date +%s) - start )) s"

# make bench [BASE=<git revision>] [BENCH=<regexp>] [COUNT=6]: with BASE,
# side by side with that revision (benchstat).
bench: fonts frontend
	ARTIFACTS=$(ARTIFACTS) scripts/bench.sh
	ARTIFACTS=$(ARTIFACTS) scripts/bench-pdf.sh

# Regenerate frontend/wailsjs after changing a bound service (committed).
# LAN load test (issue 6): paired desks checking in and searching over
# loopback against a 10,000-member database; stops by itself.
DURATION ?= 60s
CLIENTS  ?= 50
THINK    ?= 0s
loadtest: fonts
	go test -tags loadtest -run '^TestLoad$$' -count=1 -v -timeout 20m ./app/web \
		-args -load.duration=$(DURATION) -load.clients=$(CLIENTS) -load.think=$(THINK)

bindings:
	ACEDESK_DB=$$(mktemp -d)/bindings.db go tool wails generate module

clean:
	rm -rf build/bin frontend/dist frontend/node_modules scripts/e2e/node_modules $(ARTIFACTS)
