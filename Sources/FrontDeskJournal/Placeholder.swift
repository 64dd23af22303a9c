// FrontDeskJournal
