/** `corroborate --help`. */
export const HELP = `corroborate: who said what across news reports, the same statement in each
outlet's words, and where the outlets disagree.

Usage
  corroborate [COMMAND] [PATH...] [OPTIONS]

Commands
  report     everything: sources, who said what, shared statements with their
             wording differences, disagreements and agreements (default),
             about one story: the largest, or the one --story names; the
             stories are listed first when the articles hold several
  quotes     who said what, and the statements several outlets carry
  disputes   where the articles disagree: who said it, wording, facts,
             claims someone contests
  sources    the articles read: outlet, title, date, author, quote count
  stories    the stories the articles hold (the articles that report one
             event each), largest first: id, headline, articles, outlets,
             dates, shared statements and disagreements
  ingest     add the articles of PATH... to a lasting store (--data or
             --database; default ~/.local/share/corroborate), each once by
             its content; the report commands then read it with --data

PATH is an article file (.txt, .md, .html, any of them gzipped as .gz) or a
directory of them; without PATH, the five reports of one story that ship
with the command are read. Articles are grouped into stories, and quotes,
facts and disagreements are compared within a story.

Options
  -f, --format FORMAT   text (default), json, markdown or html (one
                        self-contained page, outlets side by side)
  -o, --output FILE     write the report to FILE instead of stdout
  -s, --speaker NAME    only this speaker's quotes (any name or title
                        the articles use, e.g. "Rubio"; accents and case
                        aside)
      --story ID        only this story (an id "corroborate stories"
                        lists); report defaults to the largest, the other
                        commands to every story
      --color, --no-color
                        mark differences with colour (default: when stdout
                        is a terminal and NO_COLOR is not set)
      --progress, --no-progress
                        a progress bar on stderr while reading (default:
                        when stderr is a terminal and there are 5+ files)
      --fail-on-dispute exit 5 when the articles disagree anywhere (in the
                        story reported, for report)
      --data DIR        the store to read (report commands) or fill (ingest):
                        a directory PGlite keeps, one process at a time
      --database URL    a store on a PostgreSQL server (postgres://…); any
                        number of ingest processes and machines at once
      --workers N       ingest: threads that analyse articles (default 1)
  -h, --help            this help
  -v, --version         the version

Exit codes
  0  the report was written
  1  the program failed (a bug; the message says what happened)
  2  the command line is wrong (an unknown command, option or story id)
  3  no article could be read, or the store could not be opened
  4  the report was written, but some inputs could not be read (see stderr)
  5  with --fail-on-dispute: the articles disagree somewhere

Examples
  corroborate                                 the embedded story, as text
  corroborate report articles/ -f html -o report.html
  corroborate stories week/                   the stories in a week of news
  corroborate report week/ --story st-1a2b3c4d
  corroborate quotes pages/*.html.gz --speaker Rubio
  corroborate ingest feeds/ --data news.db --workers 2
  corroborate report --data news.db --story st-1a2b3c4d
  corroborate disputes articles/ --format json | jq '.disputes[].summary'
`
