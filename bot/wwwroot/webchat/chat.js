// The customer chat page: Microsoft's Web Chat against our own Direct Line server. The page asks our server for
// a token (the Direct Line secret never reaches the browser); switching language starts a new conversation.
(function () {
  'use strict';

  var data = document.body.dataset;
  var STORAGE_KEY = 'chatservice.locale';
  var text = {
    'zh-CN': {
      title: data.nameZh, subtitle: '在线客服 · 智能助手' + data.botZh, footer: '客服热线 ' + data.hotline + '（' + data.hoursZh + '）',
      connecting: '正在连接客服…', failed: '暂时无法连接客服，请稍后重试。', busy: '请求过于频繁，请稍候片刻再试。',
      missing: '聊天组件未安装（wwwroot/lib/webchat.js 缺失）。', retry: '重试', botInitials: '安', userInitials: '我',
      placeholder: '请输入您的问题…', docTitle: data.nameZh + ' · 在线客服'
    },
    'zh-TW': {
      title: data.nameHant, subtitle: '線上客服 · 智能助理' + data.botHant, footer: '客服熱線 ' + data.hotline + '（' + data.hoursHant + '）',
      connecting: '正在連線客服…', failed: '暫時無法連線客服，請稍後再試。', busy: '請求過於頻繁，請稍候片刻再試。',
      missing: '聊天元件未安裝（wwwroot/lib/webchat.js 缺失）。', retry: '重試', botInitials: '安', userInitials: '我',
      placeholder: '請輸入您的問題…', docTitle: data.nameHant + ' · 線上客服'
    },
    'en-US': {
      title: data.nameEn, subtitle: 'Customer service · ' + data.botEn + ', virtual assistant', footer: 'Hotline ' + data.hotline + ' (' + data.hoursEn + ')',
      connecting: 'Connecting you to customer service…', failed: 'We could not connect right now. Please try again shortly.',
      busy: 'Too many requests. Please wait a moment and try again.', missing: 'The chat component is not installed (wwwroot/lib/webchat.js is missing).',
      retry: 'Try again', botInitials: 'A', userInitials: 'Me', placeholder: 'Type your question…', docTitle: data.nameEn + ' · Customer service'
    }
  };

  var styleOptions = {
    accent: '#0b5cad',
    backgroundColor: '#ffffff',
    bubbleBackground: '#f1f4f8',
    bubbleBorderColor: '#f1f4f8',
    bubbleBorderRadius: 14,
    bubbleNubSize: 0,
    bubbleFromUserBackground: '#0b5cad',
    bubbleFromUserBorderColor: '#0b5cad',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 14,
    bubbleFromUserNubSize: 0,
    bubbleMaxWidth: 560,
    botAvatarBackgroundColor: '#0b5cad',
    userAvatarBackgroundColor: '#8aa4bf',
    avatarSize: 36,
    paddingRegular: 12,
    sendBoxHeight: 56,
    sendBoxBorderTop: 'solid 1px #e3e8ef',
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0b5cad',
    suggestedActionBorderRadius: 18,
    suggestedActionBorderWidth: 1,
    suggestedActionTextColor: '#0b5cad',
    suggestedActionHeight: 36,
    hideUploadButton: false,
    groupTimestamp: 300000
  };

  var root = document.getElementById('webchat');
  var status = document.getElementById('status');
  var buttons = document.querySelectorAll('.lang button');
  var directLine = null;
  var generation = 0;

  function initialLocale() {
    var saved = null;
    try { saved = localStorage.getItem(STORAGE_KEY); } catch (e) { /* storage blocked */ }
    if (text[saved]) return saved;
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    var first = String(languages[0]).toLowerCase();
    if (first.indexOf('zh') !== 0) return 'en-US';
    // Taiwan, Hong Kong and Macau write Traditional characters, as does any browser set to zh-Hant.
    return /^zh-(tw|hk|mo|hant)/.test(first) ? 'zh-TW' : 'zh-CN';
  }

  function showStatus(message, retryLocale) {
    status.hidden = false;
    status.replaceChildren(document.createTextNode(message));
    if (retryLocale) {
      var again = document.createElement('button');
      again.type = 'button';
      again.textContent = text[retryLocale].retry;
      again.addEventListener('click', function () { start(retryLocale); });
      status.appendChild(again);
    }
  }

  function applyChrome(locale) {
    var t = text[locale];
    document.documentElement.lang = locale;
    document.title = t.docTitle;
    document.getElementById('company-name').textContent = t.title;
    document.getElementById('subtitle').textContent = t.subtitle;
    document.getElementById('footer').textContent = t.footer;
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.locale === locale)); });
  }

  function fetchToken(locale) {
    return fetch('/api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ locale: locale })
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error('token request failed: ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }

  function start(locale) {
    var mine = ++generation;
    var t = text[locale];
    try { localStorage.setItem(STORAGE_KEY, locale); } catch (e) { /* storage blocked */ }
    applyChrome(locale);
    if (directLine) { directLine.end(); directLine = null; }
    root.replaceChildren();
    if (!window.WebChat) { showStatus(t.missing); return; }
    showStatus(t.connecting);
    fetchToken(locale).then(function (conversation) {
      if (mine !== generation) return; // the customer switched language meanwhile
      directLine = window.WebChat.createDirectLine({
        token: conversation.token,
        domain: location.origin + '/v3/directline',
        conversationStartProperties: { locale: locale }
      });
      var host = document.createElement('div');
      root.replaceChildren(host);
      var options = Object.assign({}, styleOptions, {
        primaryFont: getComputedStyle(document.documentElement).fontFamily, // follows the language (see chat.css)
        botAvatarInitials: t.botInitials,
        userAvatarInitials: t.userInitials
      });
      window.WebChat.renderWebChat({ directLine: directLine, locale: locale, styleOptions: options, overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t.placeholder } }, host);
      status.hidden = true;
      var input = host.querySelector('input[type="text"], textarea');
      if (input) input.focus();
    }).catch(function (error) {
      if (mine !== generation) return;
      showStatus(error.status === 429 ? t.busy : t.failed, locale);
    });
  }

  buttons.forEach(function (button) {
    button.addEventListener('click', function () {
      if (button.getAttribute('aria-pressed') !== 'true') start(button.dataset.locale);
    });
  });

  start(initialLocale());
})();
