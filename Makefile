# dstatk - one non-recursive Makefile.
#
#   make            build the library, the tests' needs and ./dstatk
#   make run        install what is missing, build, run ./dstatk (ARGS=...)
#   make check      install what is missing, build, run every test
#   make SAN=1      AddressSanitizer + UndefinedBehaviorSanitizer build
#   make CC=clang   build with clang
#   B=dir           build directory (default build, build-san with SAN=1)

CC ?= cc
SAN ?=
ifeq ($(SAN),1)
B ?= build-san
else
B ?= build
endif

PKGS := jansson libpcre2-8
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -ljansson -lpcre2-8)

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wpointer-arith -Wcast-qual -Wwrite-strings \
	-Wformat=2 -Wundef -Wvla -Wnull-dereference
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
	$(CFLAGS) $(PKG_CFLAGS) -MMD -MP
LDFLAGS ?=
# The command is linked statically: the dynamic loader and the relocation
# of libjansson and libpcre2 alone cost about 400 KiB of resident memory,
# a fifth of the 2 MiB budget. Sanitizer builds cannot be static.
STATIC ?= -static
ifeq ($(SAN),1)
STATIC :=
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

VERSION := 0.1.0
ALL_CFLAGS += -DDSTATK_VERSION='"$(VERSION)"'

LIB_SRC := $(wildcard lib/*.c) $(wildcard providers/*.c)
CMD_SRC := $(wildcard cmd/*.c)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_HELPERS := tests/helpers.c

LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
CMD_OBJ := $(CMD_SRC:%.c=$(B)/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%)
LIBA := $(B)/libdstatk.a

.PHONY: all run check deps test unit golden schema cli table-cli tty live \
	manlint format \
	format-check symbols bench clean

all: dstatk

dstatk: $(B)/dstatk
	@cp $< $@

$(B)/dstatk: $(CMD_OBJ) $(LIBA)
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) $(STATIC) -o $@ $(CMD_OBJ) $(LIBA) $(PKG_LIBS)

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/test_%: $(B)/tests/test_%.o $(B)/tests/helpers.o $(LIBA)
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) -o $@ $< $(B)/tests/helpers.o $(LIBA) $(PKG_LIBS) -lcmocka

deps:
	@sh scripts/deps.sh

run: deps
	$(MAKE) all
	./dstatk $(ARGS)

check: deps
	$(MAKE) test

test: all unit golden schema cli table-cli tty live manlint symbols

unit: $(TEST_BIN)
	@sh tests/run-unit.sh $(TEST_BIN)

golden: $(B)/dstatk
	@sh tests/golden/run.sh $(B)/dstatk

cli: $(B)/dstatk
	@sh tests/cli/run.sh $(B)/dstatk

table-cli: $(B)/dstatk
	@sh tests/table/run.sh $(B)/dstatk

tty: $(B)/dstatk
	@sh tests/tty/run.sh $(B)/dstatk

live: $(B)/dstatk
	@sh tests/live/run.sh $(B)/dstatk

schema: $(B)/dstatk
	@sh tests/schema/run.sh $(B)/dstatk

manlint:
	mandoc -T lint -W warning man/dstatk.1

# Every exported library symbol carries the dk_ prefix.
symbols: $(LIBA)
	@sh scripts/check-symbols.sh $(LIBA)

format:
	clang-format -i lib/*.[ch] providers/*.[ch] cmd/*.[ch] tests/*.[ch]

format-check:
	clang-format --dry-run -Werror lib/*.[ch] providers/*.[ch] cmd/*.[ch] tests/*.[ch]

bench: all
	sh bench/dump.sh $(B)/dstatk
	sh bench/table.sh $(B)/dstatk

clean:
	rm -rf build build-san build-clang dstatk

# Keep the objects make would otherwise delete as intermediate.
.SECONDARY: $(LIB_OBJ) $(CMD_OBJ) $(TEST_BIN:=.o) $(B)/tests/helpers.o

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(TEST_BIN:=.d) $(B)/tests/helpers.d
