// epoll, eventfd, accept4 for FrontDeskNet
