// FrontDeskNet
