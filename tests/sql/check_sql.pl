#!/usr/bin/perl
# Finds SQL built from formatted or concatenated strings in C sources: every
# statement must be a fixed string with bound parameters. Flags
#  - sqlite3_mprintf / vmprintf / snprintf / sqlite3_str_* anywhere;
#  - a printf-family or strcat/strcpy/memcpy call whose string literals hold SQL;
#  - sqlite3_prepare* / sqlite3_exec / st_stmt given SQL from a writable buffer
#    (a non-const char array or char pointer declared in the same file).
# Usage: check_sql.pl FILE...   Prints FILE:LINE: reason; exit 1 when any found.
use strict;
use warnings;

my $SQLKW = qr/\b(?:SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WHERE|VALUES|ORDER BY)\b/;
my $bad = 0;

sub line_of { my ($text, $pos) = @_; return 1 + (substr($text, 0, $pos) =~ tr/\n//); }

# The text of a call's arguments from the "(" at $pos, balanced, literals skipped.
sub call_args {
    my ($t, $pos) = @_;
    my $depth = 0;
    for (my $i = $pos; $i < length $t; $i++) {
        my $c = substr($t, $i, 1);
        if ($c eq '"' || $c eq "'") {
            for ($i++; $i < length $t && substr($t, $i, 1) ne $c; $i++) { $i++ if substr($t, $i, 1) eq '\\'; }
            next;
        }
        $depth++ if $c eq '(';
        if ($c eq ')') { $depth--; return substr($t, $pos + 1, $i - $pos - 1) if $depth == 0; }
    }
    return substr($t, $pos + 1);
}

# Splits top-level arguments on commas.
sub split_args {
    my ($a) = @_;
    my @out;
    my ($cur, $depth, $q) = ('', 0, '');
    for (my $i = 0; $i < length $a; $i++) {
        my $c = substr($a, $i, 1);
        if ($q) { $cur .= $c; if ($c eq '\\') { $cur .= substr($a, ++$i, 1); next; } $q = '' if $c eq $q; next; }
        if ($c eq '"' || $c eq "'") { $q = $c; $cur .= $c; next; }
        $depth++ if $c =~ /[(\[{]/;
        $depth-- if $c =~ /[)\]}]/;
        if ($c eq ',' && $depth == 0) { push @out, $cur; $cur = ''; next; }
        $cur .= $c;
    }
    push @out, $cur;
    return @out;
}

sub literals { my ($s) = @_; my @l = ($s =~ /"((?:[^"\\]|\\.)*)"/g); return join('', @l); }

for my $file (@ARGV) {
    open my $fh, '<', $file or die "$file: $!\n";
    local $/;
    my $t = <$fh>;
    close $fh;
    # Comments out, keeping line breaks so line numbers hold.
    $t =~ s{/\*(.*?)\*/}{ my $c = $1; $c =~ s/[^\n]//g; $c }gse;
    $t =~ s{//[^\n]*}{}g;

    while ($t =~ /\b(sqlite3_v?mprintf|sqlite3_snprintf|sqlite3_str_\w+)\s*\(/g) {
        printf "%s:%d: %s builds SQL text: use a fixed statement with bound parameters\n",
            $file, line_of($t, $-[0]), $1;
        $bad = 1;
    }
    while ($t =~ /\b(v?s?n?printf|v?asprintf|v?dprintf|fprintf|strn?cat|strn?cpy|stpn?cpy|memcpy|memmove)\s*\(/g) {
        my ($fn, $at) = ($1, $-[0]);
        my $args = call_args($t, $+[0] - 1);
        if (literals($args) =~ $SQLKW) {
            printf "%s:%d: %s with SQL in its text: never build SQL from formatted strings\n",
                $file, line_of($t, $at), $fn;
            $bad = 1;
        }
    }
    # Writable buffers declared in this file.
    my %writable;
    $writable{$2} = 1 while $t =~ /(^|[;{}(,]\s*)(?:static\s+)?(?:unsigned\s+)?char\s+(\w+)\s*\[/mg;
    $writable{$1} = 1 while $t =~ /(?<!const )(?<!const\s)\bchar\s*\*\s*(\w+)/g;
    delete $writable{$_} for grep { $t =~ /\bconst\s+char\s+(?:\*\s*(?:const\s+)?)?\Q$_\E\b/ } keys %writable;
    while ($t =~ /\b(sqlite3_prepare(?:_v2|_v3|16\w*)?|sqlite3_exec|st_stmt)\s*\(/g) {
        my ($fn, $at) = ($1, $-[0]);
        my @a = split_args(call_args($t, $+[0] - 1));
        next if @a < 2;
        my $sql = $a[1];
        for my $id ($sql =~ /\b([A-Za-z_]\w*)\b/g) {
            if ($writable{$id}) {
                printf "%s:%d: %s given SQL from the writable buffer '%s': use a fixed statement\n",
                    $file, line_of($t, $at), $fn, $id;
                $bad = 1;
            }
        }
    }
}
exit $bad;
